package io.bazaar.storefront.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.notification.entity.Notification;
import io.bazaar.review.entity.HelpfulVote;
import io.bazaar.review.entity.Review;
import org.eclipse.jnosql.mapping.metadata.ClassScanner;
import org.junit.jupiter.api.Test;

class ShopDocumentClassScannerTest {

  @Test
  void findsTheShopsDocumentEntitiesAndNothingElse() {
    ShopDocumentClassScanner scanner = new ShopDocumentClassScanner();

    assertThat(scanner.entities())
        .containsExactlyInAnyOrder(Notification.class, Review.class, HelpfulVote.class);
    assertThat(scanner.entities())
        .allSatisfy(entity -> assertThat(entity.getName()).startsWith("io.bazaar."));
    assertThat(scanner.repositories()).isEmpty();
    assertThat(scanner.customRepositories()).isEmpty();
  }

  @Test
  void isTheScannerJnosqlLoads() {
    assertThat(ClassScanner.load()).isInstanceOf(ShopDocumentClassScanner.class);
  }
}
