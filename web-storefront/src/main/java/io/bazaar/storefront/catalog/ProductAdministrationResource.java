package io.bazaar.storefront.catalog;

import static io.bazaar.storefront.api.InvalidRequest.required;

import io.bazaar.catalog.boundary.ProductEditing;
import io.bazaar.catalog.boundary.ProductEditing.EditableProduct;
import io.bazaar.catalog.boundary.ProductEditing.ProductEdit;
import io.bazaar.catalog.boundary.ProductEditing.ProductListing;
import io.bazaar.persistence.Page;
import io.bazaar.storefront.account.ApiSecurity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Catalog editors list every product, in any status, and change one. */
@Path("admin/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(ApiSecurity.ADMIN)
public class ProductAdministrationResource {

  @Inject ProductEditing editing;

  @GET
  @Operation(
      summary = "Products in any status, most recently changed first",
      description = "q: part of the name or slug; status: draft, active or archived")
  public Page<ProductListing> products(
      @QueryParam("q") String text,
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    return editing.products(
        text,
        status == null || status.isBlank() ? null : ProductEditing.statusNamed(status),
        page,
        size);
  }

  @GET
  @Path("{slug}")
  @Operation(summary = "A product as an editor opens it, with the version an edit must name")
  public EditableProduct product(@PathParam("slug") String slug) {
    return editing.editable(slug);
  }

  @PUT
  @Path("{slug}")
  @Operation(
      summary = "Changes a product's name, description, status and variant prices",
      description =
          "The body names the version it was made from; if the product changed since, the answer"
              + " is 409 and nothing is stored. Searchable within a second of the answer.")
  public EditableProduct edit(@PathParam("slug") String slug, ProductEdit edit) {
    return editing.edit(slug, required(edit, "a JSON body with the edit"));
  }
}
