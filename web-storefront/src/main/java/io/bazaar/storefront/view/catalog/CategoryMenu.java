package io.bazaar.storefront.view.catalog;

import io.bazaar.catalog.boundary.Catalog;
import io.bazaar.catalog.boundary.CatalogViews.CategoryView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The category tree as every page's navigation shows it: departments, each with its aisles. */
@Named
@RequestScoped
public class CategoryMenu {

  /** A top-level category with its sub-categories. */
  public record Department(CategoryView category, List<CategoryView> aisles) {}

  @Inject Catalog catalog;

  private List<Department> departments;

  public List<Department> getDepartments() {
    if (departments == null) {
      List<CategoryView> all = catalog.categories();
      departments =
          all.stream()
              .filter(category -> category.parent() == null)
              .map(
                  top ->
                      new Department(
                          top,
                          all.stream().filter(aisle -> top.slug().equals(aisle.parent())).toList()))
              .toList();
    }
    return departments;
  }
}
