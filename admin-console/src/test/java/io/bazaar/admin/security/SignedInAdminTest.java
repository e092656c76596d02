package io.bazaar.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignedInAdminTest {

  private static final Instant EXPIRY = Instant.parse("2025-11-22T10:00:00Z");

  private final SignedInAdmin admin =
      new SignedInAdmin("grace@example.org", "Grace", Set.of("admin"), "header.claims.sig", EXPIRY);

  @Test
  void endsWhenTheTokenExpires() {
    assertThat(admin.isExpiredAt(EXPIRY.minusSeconds(1))).isFalse();
    assertThat(admin.isExpiredAt(EXPIRY)).isTrue();
    assertThat(admin.isExpiredAt(EXPIRY.plusSeconds(1))).isTrue();
  }

  @Test
  void keepsCallerAndGroupsThroughSerializationAsASessionMovingToAnotherMemberDoes()
      throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(admin);
    }
    Object copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = in.readObject();
    }

    assertThat(copy).isEqualTo(admin);
    assertThat(((SignedInAdmin) copy).groups()).containsExactly("admin");
  }

  @Test
  void copiesTheGroupsSoTheyCannotChangeAfterSignIn() {
    Set<String> groups = new HashSet<>(Set.of("admin"));
    SignedInAdmin signedIn = new SignedInAdmin("grace@example.org", "Grace", groups, "t", EXPIRY);

    groups.add("customer");

    assertThat(signedIn.groups()).containsExactly("admin");
  }

  @Test
  void neverPrintsTheAccessToken() {
    assertThat(admin.toString()).contains("grace@example.org").doesNotContain("header.claims.sig");
  }
}
