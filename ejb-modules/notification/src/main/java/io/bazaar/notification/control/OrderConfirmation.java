package io.bazaar.notification.control;

import java.util.List;

/**
 * What the confirmation e-mail needs from an OrderPlaced message. Notification reads the message's
 * JSON on its own terms and ignores fields it does not know, so ordering can add fields freely.
 */
public record OrderConfirmation(
    String orderNumber,
    String email,
    String customerName,
    List<Line> lines,
    String total,
    String currency,
    String placedAt) {

  public record Line(
      String sku, String productName, int quantity, String unitPrice, String lineTotal) {}

  public static final String KIND = "order-confirmation";

  public String subject() {
    return "Your Bazaar order " + orderNumber;
  }

  public String messageId() {
    return "<" + orderNumber + "." + KIND + "@bazaar>";
  }

  public String text() {
    StringBuilder text = new StringBuilder();
    text.append("Hello ").append(customerName).append(",\n\n");
    text.append("thank you for your order ").append(orderNumber).append(".\n\n");
    for (Line line : lines) {
      text.append(line.quantity())
          .append(" x ")
          .append(line.productName())
          .append(" (")
          .append(line.sku())
          .append(")  ")
          .append(line.lineTotal())
          .append(' ')
          .append(currency)
          .append('\n');
    }
    text.append("\nTotal: ").append(total).append(' ').append(currency).append("\n\n");
    text.append("We will let you know when it ships.\nBazaar\n");
    return text.toString();
  }

  /** The same content as HTML; every value from the order is escaped. */
  public String html() {
    StringBuilder html = new StringBuilder();
    html.append("<html><body style=\"font-family:sans-serif\">");
    html.append("<p>Hello ").append(escape(customerName)).append(",</p>");
    html.append("<p>thank you for your order <strong>")
        .append(escape(orderNumber))
        .append("</strong>.</p>");
    html.append("<table cellpadding=\"4\">");
    for (Line line : lines) {
      html.append("<tr><td>")
          .append(line.quantity())
          .append(" &times;</td><td>")
          .append(escape(line.productName()))
          .append("</td><td style=\"text-align:right\">")
          .append(escape(line.lineTotal()))
          .append(' ')
          .append(escape(currency))
          .append("</td></tr>");
    }
    html.append(
            "<tr><th colspan=\"2\" style=\"text-align:left\">Total</th><th style=\"text-align:right\">")
        .append(escape(total))
        .append(' ')
        .append(escape(currency))
        .append("</th></tr></table>");
    html.append("<p>We will let you know when it ships.<br>Bazaar</p></body></html>");
    return html.toString();
  }

  static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
