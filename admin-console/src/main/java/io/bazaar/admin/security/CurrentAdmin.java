package io.bazaar.admin.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** The signed-in member of staff, for pages ({@code #{currentAdmin}}) and for calls to the API. */
@Named
@RequestScoped
public class CurrentAdmin {

  private static final DateTimeFormatter UNTIL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Inject HttpServletRequest request;

  private Optional<SignedInAdmin> admin;

  private Optional<SignedInAdmin> admin() {
    if (admin == null) {
      admin = SignedInAdmin.of(request);
    }
    return admin;
  }

  public boolean isSignedIn() {
    return admin().isPresent();
  }

  public String getDisplayName() {
    return admin().map(SignedInAdmin::displayName).orElse("");
  }

  public String getEmail() {
    return admin().map(SignedInAdmin::caller).orElse("");
  }

  public List<String> getGroups() {
    return admin().map(signedIn -> signedIn.groups().stream().sorted().toList()).orElse(List.of());
  }

  /** When the sign-in ends (the storefront token's expiry), in UTC. */
  public String getSignedInUntil() {
    return admin().map(signedIn -> UNTIL.format(signedIn.expiresAt())).orElse("");
  }

  /** The bearer token for calls to the storefront's API on this admin's behalf. */
  public Optional<String> accessToken() {
    return admin().map(SignedInAdmin::accessToken);
  }

  /** The Authorization header's value for such calls; empty when nobody is signed in. */
  public String bearer() {
    return accessToken().map(token -> "Bearer " + token).orElse("");
  }
}
