package io.bazaar.admin.view.signin;

import io.bazaar.admin.security.AdminAuthenticationMechanism;
import io.bazaar.admin.security.SignInFailure;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The sign-in form and the sign-out button. */
@Named
@RequestScoped
public class SignInBacking {

  static final String DASHBOARD = "/index.xhtml?faces-redirect=true";
  static final String SIGNED_OUT = "/login.xhtml?faces-redirect=true&signedOut=true";

  @Inject SecurityContext securityContext;

  private String email;
  private String password;

  /**
   * Hands the credential to {@link AdminAuthenticationMechanism}; on success the browser is sent to
   * the dashboard (post-redirect-get), on failure the page says why.
   */
  public String signIn() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(email, new Password(password)))
                .newAuthentication(true));
    password = null;
    switch (status) {
      case SUCCESS:
        return DASHBOARD;
      case SEND_CONTINUE:
        faces.responseComplete();
        return null;
      default:
        String explanation =
            SignInFailure.of(request).orElse(SignInFailure.WRONG_CREDENTIALS).explanation();
        faces.addMessage(
            null, new FacesMessage(FacesMessage.SEVERITY_ERROR, explanation, explanation));
        return null;
    }
  }

  /** Ends the sign-in everywhere: the container's login and the whole session with the token. */
  public String signOut() throws ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    return SIGNED_OUT;
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
}
