package io.bazaar.storefront.view.catalog;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The generated demo catalog's images ({@code /media/products/<slug>/<n>.svg}): an illustration
 * drawn from the product's address, the same on every request, so the demo shows a picture per
 * product and view without an image store. A real catalog's image URLs point at its media server or
 * CDN, and this servlet is never asked.
 */
@WebServlet("/media/products/*")
public class DemoProductImages extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final Pattern PATH = Pattern.compile("/([a-z0-9-]{1,160})/([1-9])\\.svg");

  /** Muted colours that keep dark text readable. */
  private static final String[] BACKGROUNDS = {
    "#e8d8c3", "#cfe0d8", "#d6dbef", "#efd6d6", "#e3e3d1", "#d9ccea", "#cde5ea", "#eadfcc"
  };

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Matcher matcher = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!matcher.matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String slug = matcher.group(1);
    int view = Integer.parseInt(matcher.group(2));
    response.setContentType("image/svg+xml;charset=UTF-8");
    response.setHeader("Cache-Control", "public, max-age=86400");
    response.getWriter().write(svg(slug, view));
  }

  static String svg(String slug, int view) {
    int hash = slug.hashCode();
    String background = BACKGROUNDS[Math.floorMod(hash + view, BACKGROUNDS.length)];
    String title =
        // The generator ends a slug with a short distinguishing suffix such as "1hg": not a word.
        Arrays.stream(slug.replaceAll("-[a-z0-9]*[0-9][a-z0-9]*$", "").split("-"))
            .filter(word -> !word.isEmpty())
            .limit(4)
            .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
            .collect(Collectors.joining(" "));
    String initials =
        Arrays.stream(title.split(" "))
            .limit(2)
            .map(word -> word.substring(0, 1))
            .collect(Collectors.joining());
    int shape = Math.floorMod(hash >> 3, 3);
    String figure =
        switch (shape) {
          case 0 ->
              "<circle cx=\"200\" cy=\"170\" r=\"96\" fill=\"#ffffff\" fill-opacity=\"0.55\"/>";
          case 1 ->
              "<rect x=\"104\" y=\"74\" width=\"192\" height=\"192\" rx=\"28\" fill=\"#ffffff\""
                  + " fill-opacity=\"0.55\"/>";
          default ->
              "<polygon points=\"200,66 300,262 100,262\" fill=\"#ffffff\" fill-opacity=\"0.55\"/>";
        };
    // The title comes from the address, which the pattern limits to [a-z0-9-]: nothing to escape.
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 400\" role=\"img\">"
        + "<rect width=\"400\" height=\"400\" fill=\""
        + background
        + "\"/>"
        + figure
        + "<text x=\"200\" y=\"192\" text-anchor=\"middle\" font-family=\"Georgia, serif\""
        + " font-size=\"64\" fill=\"#3b3b3b\">"
        + initials
        + "</text>"
        + "<text x=\"200\" y=\"330\" text-anchor=\"middle\" font-family=\"Helvetica, Arial,"
        + " sans-serif\" font-size=\"20\" fill=\"#3b3b3b\">"
        + title
        + "</text>"
        + "<text x=\"200\" y=\"360\" text-anchor=\"middle\" font-family=\"Helvetica, Arial,"
        + " sans-serif\" font-size=\"14\" fill=\"#6b6b6b\">view "
        + view
        + "</text></svg>";
  }
}
