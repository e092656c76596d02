package io.bazaar.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A place stock is held. Lower priority numbers are shipped from first. */
@Entity
@Table(name = "warehouse")
public class Warehouse {

  @Id
  @Column(length = 32)
  private String code;

  @Column(nullable = false, length = 120)
  private String name;

  @Column(nullable = false)
  private int priority;

  protected Warehouse() {}

  public Warehouse(String code, String name, int priority) {
    if (code == null || !code.matches("[A-Z0-9-]{2,32}")) {
      throw new IllegalArgumentException("warehouse code must be 2-32 of A-Z, 0-9, '-'");
    }
    this.code = code;
    this.name = name;
    this.priority = priority;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public int priority() {
    return priority;
  }
}
