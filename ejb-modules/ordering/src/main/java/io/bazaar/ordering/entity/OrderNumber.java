package io.bazaar.ordering.entity;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Public order numbers such as {@code BZ-7K3Q9XWD2M}: 50 random bits in Crockford base 32, so
 * numbers reveal nothing about order volume and cannot be guessed from one another.
 */
public final class OrderNumber {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final Pattern FORMAT = Pattern.compile("BZ-[0-9A-HJKMNP-TV-Z]{10}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private OrderNumber() {}

  public static String next() {
    StringBuilder number = new StringBuilder("BZ-");
    for (int i = 0; i < 10; i++) {
      number.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return number.toString();
  }

  public static boolean isWellFormed(String number) {
    return number != null && FORMAT.matcher(number).matches();
  }
}
