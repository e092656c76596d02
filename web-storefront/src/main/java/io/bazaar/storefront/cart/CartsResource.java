package io.bazaar.storefront.cart;

import static io.bazaar.storefront.api.InvalidRequest.required;

import io.bazaar.cart.boundary.CartView;
import io.bazaar.cart.boundary.Carts;
import io.bazaar.cart.entity.Cart;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Guest carts, addressed by an unguessable id the client keeps. */
@Path("carts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CartsResource {

  @Inject Carts carts;

  /** Quantities arrive as any JSON number and are checked here: no silent overflow or rounding. */
  public record AddLine(String sku, BigDecimal quantity) {}

  public record ChangeQuantity(BigDecimal quantity) {}

  @POST
  @Operation(summary = "Open an empty cart")
  public Response create(@jakarta.ws.rs.core.Context UriInfo uri) {
    CartView cart = carts.create();
    return Response.created(uri.getAbsolutePathBuilder().path(cart.id().toString()).build())
        .entity(cart)
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "A cart, priced from the catalog now")
  public CartView find(@PathParam("id") String id) {
    return carts.find(cartId(id));
  }

  @POST
  @Path("{id}/lines")
  @Operation(summary = "Add units of a SKU (merged with an existing line)")
  public CartView add(@PathParam("id") String id, AddLine line) {
    required(line, "a JSON body");
    return carts.add(
        cartId(id), required(line.sku(), "sku"), quantity(required(line.quantity(), "quantity")));
  }

  @PUT
  @Path("{id}/lines/{sku}")
  @Operation(summary = "Set the quantity of a line; 0 removes it")
  public CartView change(
      @PathParam("id") String id, @PathParam("sku") String sku, ChangeQuantity change) {
    required(change, "a JSON body");
    return carts.changeQuantity(cartId(id), sku, quantity(required(change.quantity(), "quantity")));
  }

  @DELETE
  @Path("{id}/lines/{sku}")
  @Operation(summary = "Remove a line")
  public CartView remove(@PathParam("id") String id, @PathParam("sku") String sku) {
    return carts.remove(cartId(id), sku);
  }

  /** A whole number of units; anything else, or beyond what an int holds, is refused as such. */
  static int quantity(BigDecimal quantity) {
    try {
      return quantity.intValueExact();
    } catch (ArithmeticException notAWholeNumberOfUnits) {
      throw new IllegalArgumentException(
          "quantity must be a whole number between 1 and " + Cart.MAX_QUANTITY_PER_LINE);
    }
  }

  static UUID cartId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException notAUuid) {
      throw new jakarta.ws.rs.NotFoundException("no cart " + id);
    }
  }
}
