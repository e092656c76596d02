package io.bazaar.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** The three resource managers of checkout by name, for the checks that look at each of them. */
@ApplicationScoped
public class CheckoutDatabases {

  @Resource(lookup = "jdbc/orders")
  DataSource orders;

  @Resource(lookup = "jdbc/inventory")
  DataSource inventory;

  @Resource(lookup = "jdbc/payments")
  DataSource payments;

  /** orders, inventory and payments, in that order. */
  public Map<String, DataSource> byName() {
    Map<String, DataSource> databases = new LinkedHashMap<>();
    databases.put("orders", orders);
    databases.put("inventory", inventory);
    databases.put("payments", payments);
    return databases;
  }
}
