package io.bazaar.storefront.view.account;

import io.bazaar.customer.boundary.Accounts;
import io.bazaar.customer.boundary.Caller;
import io.bazaar.customer.boundary.DuplicateAccount;
import io.bazaar.storefront.view.PageMessages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signing in, opening an account and signing out, on the pages. After either of the first two the
 * shopper goes back to the page they came from ({@code returnTo}), which must be a path of this
 * shop: an address elsewhere would make the sign-in page a redirector for phishing.
 */
@Named
@RequestScoped
public class SignInBacking {

  /** A path in the shop, not {@code //elsewhere} or {@code /\elsewhere}, with an optional query. */
  private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[\\w\\-./?=&%#:+,;~]*");

  @Inject Accounts accounts;

  @Inject SignedInCustomer signedIn;

  private String email;
  private String password;
  private String displayName;
  private String returnTo;

  /** GET carries it in the address, the form's postback as a plain field of the same name. */
  @PostConstruct
  void readReturnTo() {
    returnTo =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterMap()
            .get("returnTo");
  }

  public String signIn() {
    Optional<Caller> caller = accounts.authenticate(email, password);
    if (caller.isEmpty()) {
      password = null;
      PageMessages.error("Wrong e-mail address or password.");
      return null;
    }
    begin(caller.get());
    PageMessages.info("Welcome back, " + caller.get().displayName() + ".");
    return goBack();
  }

  public String register() {
    try {
      accounts.register(email, displayName, password);
    } catch (DuplicateAccount taken) {
      PageMessages.error("There is an account with this e-mail address already. Sign in instead.");
      return null;
    } catch (IllegalArgumentException refused) {
      PageMessages.error(sentence(refused.getMessage()));
      return null;
    }
    Caller caller =
        accounts
            .authenticate(email, password)
            .orElseThrow(() -> new IllegalStateException("the new account does not sign in"));
    begin(caller);
    PageMessages.info("Welcome to Bazaar, " + caller.displayName() + ".");
    return goBack();
  }

  /** Ends the whole session: on a shared computer, the next person gets no cart or history. */
  public String signOut() {
    FacesContext.getCurrentInstance().getExternalContext().invalidateSession();
    return "/index?faces-redirect=true";
  }

  /**
   * A new session id at sign-in, so an id planted in the browser beforehand is worth nothing. A
   * shopper who only read the shop has no session yet (pages start none for readers); the one
   * created here is new anyway.
   */
  private void begin(Caller caller) {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    if (request.getSession(false) != null) {
      request.changeSessionId();
    } else {
      request.getSession(true);
    }
    signedIn.signIn(caller);
  }

  private String goBack() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.getFlash().setKeepMessages(true);
    String target =
        returnTo != null && LOCAL_PATH.matcher(returnTo).matches() ? returnTo : "/index.xhtml";
    try {
      external.redirect(external.getRequestContextPath() + target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FacesContext.getCurrentInstance().responseComplete();
    return null;
  }

  /** Where the header's sign-in link brings the shopper back to: the page they are on. */
  public String getReturnHere() {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    String here = request.getRequestURI().substring(request.getContextPath().length());
    if (request.getQueryString() != null) {
      here += "?" + request.getQueryString();
    }
    return URLEncoder.encode(here, StandardCharsets.UTF_8);
  }

  public String getEncodedReturnTo() {
    return returnTo == null ? "" : URLEncoder.encode(returnTo, StandardCharsets.UTF_8);
  }

  private static String sentence(String message) {
    return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getReturnTo() {
    return returnTo;
  }

  public void setReturnTo(String returnTo) {
    this.returnTo = returnTo;
  }
}
