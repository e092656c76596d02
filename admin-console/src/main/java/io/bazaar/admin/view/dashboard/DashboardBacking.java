package io.bazaar.admin.view.dashboard;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The dashboard: who is signed in (from {@code #{currentAdmin}}) and how the shop is right now. */
@Named
@RequestScoped
public class DashboardBacking {

  private static final DateTimeFormatter READ_AT =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  @Inject ShopHealth shopHealth;

  private Readiness readiness;

  @PostConstruct
  void askTheShop() {
    readiness = shopHealth.readiness();
  }

  public boolean isReachable() {
    return readiness.reachable();
  }

  public boolean isUp() {
    return readiness.isUp();
  }

  public String getStatus() {
    return readiness.status();
  }

  public String getProblem() {
    return readiness.problem();
  }

  public List<Readiness.Check> getChecks() {
    return readiness.checks();
  }

  public String getReadAt() {
    return READ_AT.format(readiness.readAt());
  }
}
