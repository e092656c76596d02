package io.bazaar.admin.view.products;

import io.bazaar.admin.security.CurrentAdmin;
import io.bazaar.admin.storefront.StorefrontRefused;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One product's edit form: name, description, status and each variant's price.
 *
 * <p>The form carries the version of the product the editor opened. Saving sends it with the
 * changes; if someone else saved the product since, the storefront refuses the whole edit, and the
 * page says so while keeping what this editor typed, so nothing they wrote is lost and nothing of
 * theirs overwrites the other change unseen. Amounts that are not numbers are refused here, before
 * anything is sent.
 */
@Named
@RequestScoped
public class ProductEditBacking {

  /** The statuses an editor can choose, with what each means for shoppers. */
  public record StatusChoice(String value, String label) {}

  private static final List<StatusChoice> STATUSES =
      List.of(
          new StatusChoice("DRAFT", "Draft: not shown to shoppers"),
          new StatusChoice("ACTIVE", "Active: on sale"),
          new StatusChoice("ARCHIVED", "Archived: withdrawn from sale"));

  /** A variant's price as the form shows it: what is stored, or what the editor typed. */
  public record PriceField(String sku, String label, String amount, String currency) {}

  @Inject ShopProducts shopProducts;
  @Inject CurrentAdmin currentAdmin;
  @Inject FacesContext faces;

  /** Where shoppers' pages are: empty for the same host as the back office (the usual setup). */
  @Inject
  @ConfigProperty(name = "bazaar.storefront.url")
  Optional<String> storefrontUrl;

  private String slug;
  private String problem;
  private boolean conflict;
  private String name;
  private String description;
  private String status;
  private long version;
  private List<PriceField> prices = List.of();

  @PostConstruct
  void open() {
    slug = parameters().getOrDefault("slug", "").strip();
    if (slug.isEmpty()) {
      problem = "no product was named; choose one from the list";
      return;
    }
    try {
      show(shopProducts.product(currentAdmin.bearer(), slug));
    } catch (StorefrontRefused refused) {
      problem = refused.getMessage();
    }
  }

  private Map<String, String> parameters() {
    return faces.getExternalContext().getRequestParameterMap();
  }

  private void show(JsonObject product) {
    name = product.getString("name");
    description = product.getString("description", "");
    status = product.getString("status");
    version = product.getJsonNumber("version").longValue();
    prices =
        product.getJsonArray("variants").getValuesAs(JsonObject.class).stream()
            .map(
                v ->
                    new PriceField(
                        v.getString("sku"),
                        v.getString("label"),
                        v.getJsonObject("price").getString("amount"),
                        v.getJsonObject("price").getString("currency")))
            .toList();
  }

  public void save() {
    if (problem != null) {
      return;
    }
    Map<String, String> form = parameters();
    name = form.getOrDefault("name", "");
    description = form.getOrDefault("description", "");
    status = form.getOrDefault("status", status);
    long openedVersion = parseVersion(form.get("version"));
    List<PriceField> typed = new ArrayList<>();
    JsonObjectBuilder newPrices = Json.createObjectBuilder();
    String wrongAmount = null;
    for (PriceField stored : prices) {
      String amount = form.getOrDefault("price-" + stored.sku(), stored.amount()).strip();
      typed.add(new PriceField(stored.sku(), stored.label(), amount, stored.currency()));
      if (!isAmount(amount)) {
        wrongAmount = wrongAmount == null ? stored.sku() : wrongAmount;
        continue;
      }
      newPrices.add(
          stored.sku(),
          Json.createObjectBuilder().add("amount", amount).add("currency", stored.currency()));
    }
    prices = typed;
    version = openedVersion;
    if (wrongAmount != null) {
      error("The price of " + wrongAmount + " must be an amount such as 79.00. Nothing was saved.");
      return;
    }
    JsonObject edit =
        Json.createObjectBuilder()
            .add("version", openedVersion)
            .add("name", name)
            .add("description", description)
            .add("status", status)
            .add("prices", newPrices)
            .build();
    try {
      show(shopProducts.edit(currentAdmin.bearer(), slug, edit));
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              "Saved “" + name + "”. Shoppers see the change now; search within a second.",
              null));
    } catch (StorefrontRefused refused) {
      conflict = refused.isChangedMeanwhile();
      error(
          conflict
              ? "Someone else saved this product since you opened it, so your changes were not"
                  + " saved. They are still in the form: reload the product to see the other"
                  + " change, then make yours again."
              : "Not saved: " + refused.getMessage());
    }
  }

  private static long parseVersion(String version) {
    try {
      return Long.parseLong(version);
    } catch (NumberFormatException | NullPointerException missing) {
      // Without the version it was made from, an edit is refused by the storefront as a conflict.
      return -1;
    }
  }

  private static boolean isAmount(String amount) {
    try {
      return new BigDecimal(amount).signum() >= 0;
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }

  private void error(String message) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  /** The product's page in the shop, as shoppers see it (drafts and archived: "not found"). */
  public String getShopPage() {
    return storefrontUrl.orElse("")
        + "/product/index.xhtml?slug="
        + URLEncoder.encode(slug, StandardCharsets.UTF_8);
  }

  public String getSlug() {
    return slug;
  }

  public String getProblem() {
    return problem;
  }

  public boolean isConflict() {
    return conflict;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public String getStatus() {
    return status;
  }

  public long getVersion() {
    return version;
  }

  public List<PriceField> getPrices() {
    return prices;
  }

  public List<StatusChoice> getStatuses() {
    return STATUSES;
  }
}
