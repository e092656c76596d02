package io.bazaar.review.control;

import io.bazaar.review.entity.ReviewDraft;
import io.bazaar.review.entity.ScreeningVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides whether a review can be published without a moderator. Reviews are held when they carry a
 * link or an e-mail address (the usual signs of spam), when they use a word on the shop's blocked
 * list ({@code bazaar.reviews.blocked-words}, comma separated), or always when the shop moderates
 * every review first ({@code bazaar.reviews.moderate-all=true}).
 */
@ApplicationScoped
public class ReviewScreening {

  private static final Pattern LINK =
      Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+|\\b[a-z0-9-]+\\.(?:com|net|org|io|biz)\\b");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-zA-Z]{2,}");

  private boolean moderateAll;
  private List<Pattern> blockedWords;

  /** For the container's proxy only. */
  protected ReviewScreening() {}

  @Inject
  public ReviewScreening(
      @ConfigProperty(name = "bazaar.reviews.moderate-all", defaultValue = "false")
          boolean moderateAll,
      // A plain string, split here: Payara's config injection fails on Optional<List<String>>.
      @ConfigProperty(name = "bazaar.reviews.blocked-words") Optional<String> blockedWords) {
    this.moderateAll = moderateAll;
    this.blockedWords =
        Arrays.stream(blockedWords.orElse("").split(","))
            .map(String::strip)
            .filter(word -> !word.isEmpty())
            .map(word -> Pattern.compile("(?iu)\\b" + Pattern.quote(word) + "\\b"))
            .toList();
  }

  public ScreeningVerdict screen(ReviewDraft draft) {
    String written = draft.title() + "\n" + draft.text();
    if (moderateAll) {
      return ScreeningVerdict.hold("every review is checked by a moderator before it is shown");
    }
    if (LINK.matcher(written).find()) {
      return ScreeningVerdict.hold("contains a link");
    }
    if (EMAIL.matcher(written).find()) {
      return ScreeningVerdict.hold("contains an e-mail address");
    }
    String lowerCase = written.toLowerCase(Locale.ROOT);
    if (blockedWords.stream().anyMatch(word -> word.matcher(lowerCase).find())) {
      return ScreeningVerdict.hold("uses a word that needs a moderator's look");
    }
    return ScreeningVerdict.publishNow();
  }
}
