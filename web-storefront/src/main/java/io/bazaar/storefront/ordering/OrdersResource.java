package io.bazaar.storefront.ordering;

import static io.bazaar.storefront.api.InvalidRequest.required;

import io.bazaar.ordering.boundary.Checkout;
import io.bazaar.ordering.boundary.Checkout.Receipt;
import io.bazaar.ordering.boundary.OrderView;
import io.bazaar.ordering.boundary.Orders;
import io.bazaar.ordering.boundary.PlaceOrder;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrdersResource {

  @Inject Checkout checkout;

  @Inject Orders orders;

  public record PlaceOrderRequest(
      String cartId, String email, PlaceOrder.Address shippingAddress, String paymentToken) {}

  @POST
  @Operation(
      summary = "Place an order from a cart",
      description =
          "Atomic: the order, the stock decrement, the payment and the confirmation message commit"
              + " together or not at all. Retrying with the same Idempotency-Key returns the same order"
              + " and charges nothing (header Idempotent-Replayed: true); reusing a key for a different"
              + " request is 422.")
  public Response place(
      @Parameter(
              description = "A unique key per checkout attempt chosen by the client",
              required = true)
          @HeaderParam("Idempotency-Key")
          String idempotencyKey,
      PlaceOrderRequest body,
      @Context UriInfo uri) {
    required(body, "a JSON body");
    PlaceOrder request =
        new PlaceOrder(
            idempotencyKey,
            cartId(required(body.cartId(), "cartId")),
            body.email(),
            body.shippingAddress(),
            body.paymentToken());
    Receipt receipt = checkout.placeOrReplay(request);
    OrderView order = receipt.order();
    return Response.created(uri.getAbsolutePathBuilder().path(order.number()).build())
        .header("Idempotent-Replayed", receipt.replayed())
        .entity(order)
        .build();
  }

  @GET
  @Path("{number}")
  @Operation(summary = "An order and its status")
  public OrderView find(@PathParam("number") String number) {
    return orders.find(number);
  }

  private static UUID cartId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException notAUuid) {
      throw new IllegalArgumentException("cartId is not a cart id");
    }
  }
}
