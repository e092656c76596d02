package io.bazaar.systemtest;

import io.bazaar.systemtest.Api.Reply;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript: keeps its cookies, follows redirects, and submits Faces forms the
 * way a browser does (the form's fields, its view state and the button pressed). Cookies belong to
 * the host, not the port, so one visitor carries its session from one cluster member to another, as
 * a browser behind a balancer would.
 */
final class PageVisitor {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  Reply get(URI page) {
    return send(HttpRequest.newBuilder(page).GET());
  }

  /**
   * Opens the page, fills in the form {@code formId} with {@code fields} and presses {@code
   * buttonId}; answers the page the browser ends on.
   */
  Reply submit(URI page, String formId, Map<String, String> fields, String buttonId) {
    Reply form = get(page);
    if (form.status() != 200) {
      throw new AssertionError("form page " + page + " answered " + form.status());
    }
    Matcher action =
        Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]*)\"")
            .matcher(form.body());
    Matcher viewState = VIEW_STATE.matcher(form.body());
    if (!action.find() || !viewState.find()) {
      throw new AssertionError("no form " + formId + " with a view state on " + page);
    }
    Map<String, String> posted = new LinkedHashMap<>();
    posted.put(formId, formId);
    posted.putAll(fields);
    posted.put(buttonId, "pressed");
    posted.put("jakarta.faces.ViewState", unescape(viewState.group(1)));
    String body =
        posted.entrySet().stream()
            .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(page.resolve(unescape(action.group(1))))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Reply send(HttpRequest.Builder request) {
    return Api.exchange(http, request);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The few entities Faces writes into attribute values. */
  private static String unescape(String attribute) {
    return attribute.replace("&amp;", "&").replace("&#58;", ":").replace("&quot;", "\"");
  }
}
