package io.bazaar.storefront.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

/** What a page tells the shopper: a message at the top of the page, or a not-found page. */
public final class PageMessages {

  private PageMessages() {}

  public static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /** For an action that redirects: the message survives the redirect. */
  public static void errorOnNextPage(String text) {
    FacesContext context = FacesContext.getCurrentInstance();
    context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    context.getExternalContext().getFlash().setKeepMessages(true);
  }

  public static void info(String text) {
    FacesContext context = FacesContext.getCurrentInstance();
    context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    // Survives the redirect after a POST.
    context.getExternalContext().getFlash().setKeepMessages(true);
  }

  /** Answers 404 with the shop's not-found page instead of rendering this view. */
  public static void notFound() {
    FacesContext context = FacesContext.getCurrentInstance();
    try {
      context.getExternalContext().responseSendError(404, "not found");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    context.responseComplete();
  }
}
