package io.bazaar.systemtest;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.bazaar.server.ShopStack;
import io.bazaar.server.mail.ReceivedMail;
import io.bazaar.systemtest.Databases.Database;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.bson.Document;

/**
 * The invariants of issue 4, read from the stores after a fault run: each is checked over
 * everything in them, not a sample, and each broken one is reported as a sentence naming what
 * broke.
 *
 * <ul>
 *   <li>every acknowledged order exists exactly once, under the number the client was given;
 *   <li>an order the client saw fail before its commit decision (a crash in prepare) left nothing;
 *   <li>stock + sold units = initial stock per SKU, and no stock level is negative;
 *   <li>every order has exactly one payment, of the order's amount, and no payment lacks its order;
 *   <li>every order has exactly one notification document and exactly one e-mail (one Message-ID; a
 *       repeat with the same Message-ID, at-least-once delivery, is counted but allowed), and no
 *       notification for an order that does not exist;
 *   <li>no transaction is left prepared in PostgreSQL or in the broker;
 *   <li>every cart whose creation was acknowledged still exists.
 * </ul>
 */
final class ShopInvariants {

  /** What the clients know: what they were told, and what they set up. */
  record Expectations(
      Map<String, Long> initialStock,
      Map<String, String> acknowledgedOrders,
      Set<String> keysThatLeftNothing,
      Set<String> acknowledgedCarts) {}

  private final Databases databases;
  private final ShopStack services;
  private long duplicateMailDeliveries;

  ShopInvariants(Databases databases, ShopStack services) {
    this.databases = databases;
    this.services = services;
  }

  List<String> violations(Expectations expected) {
    List<String> violations = new ArrayList<>();
    acknowledgedOrdersExistOnce(expected, violations);
    failedOrdersLeftNothing(expected, violations);
    stockAddsUp(expected, violations);
    paymentsMatchOrders(violations);
    oneNotificationAndOneMailPerOrder(violations);
    nothingLeftPrepared(violations);
    cartsKept(expected, violations);
    return violations;
  }

  /** E-mails received again with a Message-ID already received (known after violations()). */
  long duplicateMailDeliveries() {
    return duplicateMailDeliveries;
  }

  /** Orders in the orders database: number to idempotency key. */
  Map<String, String> orders() {
    Map<String, String> orders = new HashMap<>();
    for (Map<String, Object> row :
        databases.query(
            Database.ORDERS, "select number, idempotency_key from ordering.customer_order")) {
      orders.put((String) row.get("number"), (String) row.get("idempotency_key"));
    }
    return orders;
  }

  long notifications() {
    try (MongoClient documents = MongoClients.create(services.documents().connectionString())) {
      return documents
          .getDatabase(services.settings().documentDatabase())
          .getCollection("notifications")
          .countDocuments();
    }
  }

  /** True when the broker lists no prepared branch (false also when it cannot be asked). */
  boolean nothingPreparedInBroker() {
    try {
      return preparedInBroker().length == 0;
    } catch (Exception unreachable) {
      return false;
    }
  }

  /** Branches prepared in the broker and not yet decided, as the broker lists them. */
  String[] preparedInBroker() throws Exception {
    // Read as plain JSON values: asked for a String[], the client's conversion failed with an
    // ArrayStoreException whenever the list was not empty, which hid a branch left prepared.
    List<String> prepared = new java.util.ArrayList<>();
    addAll(
        askBroker(
            request ->
                ManagementHelper.putOperationInvocation(
                    request, ResourceNames.BROKER, "listPreparedTransactions"),
            Object.class),
        prepared);
    return prepared.toArray(String[]::new);
  }

  private static void addAll(Object listed, List<String> into) {
    if (listed == null) {
      return;
    }
    if (listed instanceof Object[] many) {
      for (Object one : many) {
        addAll(one, into);
      }
    } else if (listed instanceof java.util.Collection<?> many) {
      many.forEach(one -> addAll(one, into));
    } else {
      into.add(String.valueOf(listed));
    }
  }

  /** The shop's queues as the broker counts them: messages waiting, and being delivered. */
  String queues() {
    StringBuilder queues = new StringBuilder();
    for (String queue :
        List.of(
            "bazaar.orders.placed", "bazaar.recommendations.orders-placed", "bazaar.dead-letter")) {
      try {
        queues
            .append(queue)
            .append(": ")
            .append(queueAttribute(queue, "messageCount"))
            .append(" waiting, ")
            .append(queueAttribute(queue, "deliveringCount"))
            .append(" being delivered; ");
      } catch (Exception unreadable) {
        queues.append(queue).append(": not readable (").append(unreadable).append("); ");
      }
    }
    return queues.toString();
  }

  private Object queueAttribute(String queue, String attribute) throws Exception {
    return askBroker(
        request -> ManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, attribute),
        Object.class);
  }

  /** What a management request asks: an operation or an attribute, put into the message. */
  private interface Question {
    void putInto(ClientMessage request) throws Exception;
  }

  /** One management request through the broker's management address. */
  private Object askBroker(Question question, Class<?> resultType) throws Exception {
    try (ServerLocator locator =
            ActiveMQClient.createServerLocator(services.broker().url()).setCallTimeout(10_000);
        ClientSessionFactory factory = locator.createSessionFactory();
        ClientSession session =
            factory.createSession(
                services.settings().brokerUser(),
                services.settings().brokerPassword(),
                false,
                true,
                true,
                false,
                1);
        ClientRequestor requestor = new ClientRequestor(session, "activemq.management")) {
      session.start();
      ClientMessage request = session.createMessage(false);
      question.putInto(request);
      ClientMessage reply = requestor.request(request, 10_000);
      if (!ManagementHelper.hasOperationSucceeded(reply)) {
        throw new IllegalStateException("the broker refused: " + ManagementHelper.getResult(reply));
      }
      return ManagementHelper.getResult(reply, resultType);
    }
  }

  private void acknowledgedOrdersExistOnce(Expectations expected, List<String> violations) {
    Map<String, String> orders = orders();
    Map<String, Long> ordersPerKey =
        orders.values().stream().collect(Collectors.groupingBy(k -> k, Collectors.counting()));
    expected
        .acknowledgedOrders()
        .forEach(
            (number, key) -> {
              if (!key.equals(orders.get(number))) {
                violations.add("acknowledged order " + number + " (key " + key + ") is missing");
              }
              if (ordersPerKey.getOrDefault(key, 0L) != 1) {
                violations.add("key " + key + " has " + ordersPerKey.get(key) + " orders");
              }
            });
  }

  private void failedOrdersLeftNothing(Expectations expected, List<String> violations) {
    Set<String> keys = Set.copyOf(orders().values());
    for (String key : expected.keysThatLeftNothing()) {
      if (keys.contains(key)) {
        violations.add("the order of key " + key + " crashed before its decision but exists");
      }
    }
  }

  private void stockAddsUp(Expectations expected, List<String> violations) {
    for (Map.Entry<String, Long> initial : expected.initialStock().entrySet()) {
      String sku = initial.getKey();
      long onHand =
          databases.count(
              Database.INVENTORY,
              "select sum(on_hand) from inventory.stock_level where sku = ?",
              sku);
      long negative =
          databases.count(
              Database.INVENTORY,
              "select count(*) from inventory.stock_level where sku = ? and on_hand < 0",
              sku);
      long ordered =
          databases.count(
              Database.ORDERS,
              "select coalesce(sum(quantity), 0) from ordering.order_line where sku = ?",
              sku);
      long movedOut =
          -databases.count(
              Database.INVENTORY,
              "select coalesce(sum(quantity), 0) from inventory.stock_movement"
                  + " where sku = ? and reason = 'SALE'",
              sku);
      if (onHand + ordered != initial.getValue()) {
        violations.add(
            sku
                + ": "
                + onHand
                + " on hand + "
                + ordered
                + " ordered != "
                + initial.getValue()
                + " initially");
      }
      if (movedOut != ordered) {
        violations.add(sku + ": " + movedOut + " units moved out for " + ordered + " ordered");
      }
      if (negative > 0) {
        violations.add(sku + ": negative stock in " + negative + " warehouse(s)");
      }
    }
  }

  private void paymentsMatchOrders(List<String> violations) {
    Map<String, BigDecimal> orderAmounts = new HashMap<>();
    databases
        .query(Database.ORDERS, "select number, amount from ordering.customer_order")
        .forEach(
            row -> orderAmounts.put((String) row.get("number"), (BigDecimal) row.get("amount")));
    Map<String, BigDecimal> paid = new HashMap<>();
    for (Map<String, Object> row :
        databases.query(
            Database.PAYMENTS,
            "select order_number, amount from payment.payment"
                + " where status in ('AUTHORIZED', 'CAPTURED')")) {
      paid.put((String) row.get("order_number"), (BigDecimal) row.get("amount"));
    }
    orderAmounts.forEach(
        (number, amount) -> {
          BigDecimal payment = paid.get(number);
          if (payment == null || payment.compareTo(amount) != 0) {
            violations.add("order " + number + " of " + amount + " has payment " + payment);
          }
        });
    paid.keySet().stream()
        .filter(number -> !orderAmounts.containsKey(number))
        .forEach(number -> violations.add("payment for " + number + " without an order"));
  }

  private void oneNotificationAndOneMailPerOrder(List<String> violations) {
    Map<String, Long> notificationsPerOrder;
    try (MongoClient documents = MongoClients.create(services.documents().connectionString())) {
      notificationsPerOrder =
          documents
              .getDatabase(services.settings().documentDatabase())
              .getCollection("notifications")
              .find()
              .into(new ArrayList<>())
              .stream()
              .collect(
                  Collectors.groupingBy(
                      (Document notification) -> notification.getString("orderNumber"),
                      Collectors.counting()));
    }
    // Mail is at least once: a member that dies between sending a confirmation and recording it
    // sends it again, with the same Message-ID, which mail clients show as one message. So one
    // e-mail means one Message-ID; the repeats are counted apart (duplicateMailDeliveries).
    List<ReceivedMail> mails = services.mail().mails();
    Map<String, Set<String>> messageIdsPerRecipient =
        mails.stream()
            .flatMap(mail -> mail.to().stream().map(to -> Map.entry(to, mail.messageId())))
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
    long distinctMails = messageIdsPerRecipient.values().stream().mapToLong(Set::size).sum();
    duplicateMailDeliveries =
        mails.stream().mapToLong(mail -> mail.to().size()).sum() - distinctMails;
    List<Map<String, Object>> orders =
        databases.query(Database.ORDERS, "select number, email from ordering.customer_order");
    Set<String> numbers = new HashSet<>();
    orders.forEach(order -> numbers.add((String) order.get("number")));
    // A confirmation of an order that does not exist: its OrderPlaced message committed while the
    // order's database branches did not.
    notificationsPerOrder.keySet().stream()
        .filter(number -> !numbers.contains(number))
        .sorted()
        .forEach(
            number ->
                violations.add(
                    "notification for order " + number + ", which is not in the orders database"));
    for (Map<String, Object> order : orders) {
      String number = (String) order.get("number");
      long notified = notificationsPerOrder.getOrDefault(number, 0L);
      if (notified != 1) {
        violations.add("order " + number + " has " + notified + " notification documents");
      }
      long mailed =
          messageIdsPerRecipient.getOrDefault((String) order.get("email"), Set.of()).size();
      if (mailed != 1) {
        violations.add(
            "order " + number + " sent " + mailed + " distinct e-mails to " + order.get("email"));
      }
    }
  }

  private void nothingLeftPrepared(List<String> violations) {
    long inDatabases = databases.preparedTransactions();
    if (inDatabases != 0) {
      violations.add(inDatabases + " transaction(s) still prepared in PostgreSQL");
    }
    try {
      String[] inBroker = preparedInBroker();
      if (inBroker.length != 0) {
        violations.add(
            inBroker.length
                + " transaction(s) still prepared in the broker: "
                + String.join("; ", inBroker));
      }
    } catch (Exception e) {
      violations.add("the broker's prepared transactions could not be listed: " + e);
    }
  }

  private void cartsKept(Expectations expected, List<String> violations) {
    Set<String> carts =
        databases.query(Database.ORDERS, "select id::text as id from cart.cart").stream()
            .map(row -> (String) row.get("id"))
            .collect(Collectors.toSet());
    expected.acknowledgedCarts().stream()
        .filter(cart -> !carts.contains(cart))
        .forEach(cart -> violations.add("cart " + cart + " was lost"));
  }
}
