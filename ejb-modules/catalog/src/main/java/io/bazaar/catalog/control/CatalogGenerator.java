package io.bazaar.catalog.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Generates a believable, fully deterministic shop catalogue for demos, load tests and search
 * tests.
 *
 * <p>The category tree and the brands are fixed data, so they are identical for every seed; the
 * seed only varies the products. Product {@code i} is derived from a random generator seeded by
 * {@code (seed, i)} alone, which makes every product independent of the catalogue size: the first
 * 1,000 products of a 10,000 product catalogue are exactly a 1,000 product catalogue, and any
 * product can be regenerated on its own. Products are streamed, never held in memory.
 *
 * <p>{@link java.util.Random} is used on purpose: unlike {@code SplittableRandom}, its algorithm
 * (including {@code nextInt(bound)}) is fixed by its specification, so the same seed gives the same
 * catalogue on every JVM version and vendor. Nothing depends on the clock or on hash iteration
 * order.
 *
 * <p>Attribute keys are lower-case English; attribute values are Title Case, except that unit
 * symbols keep their standard spelling ("250 g", "30 ml", "65 W").
 */
public final class CatalogGenerator {

  /** A category; top-level departments have a {@code null} parent. */
  public record CategorySpec(String slug, String name, String parentSlug, int position) {
    public CategorySpec {
      Objects.requireNonNull(slug, "slug");
      Objects.requireNonNull(name, "name");
    }
  }

  /** A brand that products can reference by slug. */
  public record BrandSpec(String slug, String name) {
    public BrandSpec {
      Objects.requireNonNull(slug, "slug");
      Objects.requireNonNull(name, "name");
    }
  }

  /** A product picture; the url points at a generated placeholder. */
  public record ImageSpec(String url, String altText) {
    public ImageSpec {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(altText, "altText");
    }
  }

  /**
   * A purchasable variant. The attributes (e.g. colour, size) keep their insertion order so that
   * labels and filters are listed the same way everywhere.
   */
  public record VariantSpec(
      String sku,
      String label,
      BigDecimal price,
      Map<String, String> attributes,
      int unitsMain,
      int unitsNorth) {
    public VariantSpec {
      Objects.requireNonNull(sku, "sku");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(price, "price");
      attributes = orderedCopy(attributes);
    }

    /** True when neither warehouse holds a unit. */
    public boolean soldOut() {
      return unitsMain == 0 && unitsNorth == 0;
    }
  }

  /** A product; {@code categorySlug} always names a leaf category. */
  public record ProductSpec(
      String slug,
      String name,
      String brandSlug,
      String categorySlug,
      String description,
      Map<String, String> attributes,
      List<ImageSpec> images,
      List<VariantSpec> variants,
      Instant createdAt) {
    public ProductSpec {
      Objects.requireNonNull(slug, "slug");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(brandSlug, "brandSlug");
      Objects.requireNonNull(categorySlug, "categorySlug");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(createdAt, "createdAt");
      attributes = orderedCopy(attributes);
      images = List.copyOf(images);
      variants = List.copyOf(variants);
    }
  }

  /** Products are created during the 365 days before this instant (exclusive). */
  static final Instant CREATED_BEFORE = Instant.parse("2026-11-01T00:00:00Z");

  private static final int CREATION_WINDOW_SECONDS = 365 * 24 * 60 * 60;
  private static final int MAX_SLUG_LENGTH = 160;
  private static final int MAX_DESCRIPTION_LENGTH = 1000;
  private static final int MAX_VARIANTS = 12;
  private static final int MAX_UNITS_MAIN = 40;
  private static final int MAX_UNITS_NORTH = 15;
  private static final int PRODUCT_SOLD_OUT_PERCENT = 2;
  private static final int VARIANT_SOLD_OUT_PERCENT = 8;
  private static final int LARGE_SIZE_SURCHARGE_PERCENT = 15;
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /**
   * Retail prices end in these cents; repetition weights the draw so that ".99" dominates like it
   * does in real shops.
   */
  private static final List<Integer> PRICE_ENDING_CENTS =
      List.of(99, 99, 99, 99, 95, 95, 90, 90, 49, 0);

  private static final List<String> DETAIL_OPENERS =
      List.of("Key details: ", "At a glance: ", "Specs: ");

  private static final List<String> IMAGE_VIEWS =
      List.of("front view", "side view", "back view", "detail view");

  private static final List<String> ALL_COLOURS =
      List.of(
          "Black", "White", "Navy", "Grey", "Red", "Olive", "Sand", "Blue", "Green", "Brown",
          "Pink", "Yellow", "Silver", "Copper", "Slate");
  private static final List<String> DRESS_COLOURS = List.of("Black", "Brown", "Navy", "Sand");
  private static final List<String> DEVICE_COLOURS =
      List.of("Black", "White", "Silver", "Slate", "Navy", "Blue", "Pink", "Sand");
  private static final List<String> APPLIANCE_COLOURS =
      List.of("Black", "White", "Silver", "Red", "Slate", "Copper", "Sand", "Green");
  private static final List<String> HOME_COLOURS =
      List.of("White", "Grey", "Sand", "Navy", "Olive", "Pink", "Slate", "Green", "Blue", "Brown");
  private static final List<String> OUTDOOR_COLOURS =
      List.of("Olive", "Sand", "Green", "Slate", "Grey", "Red", "Blue", "Yellow", "Black");
  private static final List<String> TOY_COLOURS = List.of("Red", "Blue", "Green", "Yellow", "Pink");

  private static final List<String> EU_SHOE_SIZES =
      List.of("38", "39", "40", "41", "42", "43", "44", "45", "46");
  private static final List<String> CLOTHING_SIZES = List.of("S", "M", "L", "XL");
  private static final List<String> DEVICE_EDITIONS =
      List.of("Pro", "Lite", "Max", "Mini", "2", "3", "Plus", "SE");

  private static final List<String> WARRANTIES = List.of("1 Year", "2 Years", "3 Years");
  private static final List<String> CLOTHING_FITS = List.of("Regular", "Relaxed", "Slim");
  private static final List<String> CLOTHING_CARE =
      List.of("Machine Washable", "Hand Wash", "Dry Clean Only");
  private static final List<String> SKIN_TYPES =
      List.of("All Skin Types", "Dry Skin", "Sensitive Skin", "Oily Skin");

  /**
   * Brand tiers move prices around the category's base range and colour the copy; "{brand}" in a
   * pitch is replaced by the brand name.
   */
  private enum Tier {
    BUDGET(
        80,
        List.of(
            "Great value without cutting corners.",
            "Proof that good design does not have to be expensive.",
            "An easy, affordable upgrade.")),
    STANDARD(
        100,
        List.of(
            "A dependable choice at a fair price.",
            "Thoughtful design meets everyday practicality.",
            "{brand} balanced quality and value with care.")),
    PREMIUM(
        140,
        List.of(
            "Every detail reflects the craftsmanship {brand} is known for.",
            "Premium materials make it an investment that lasts for years.",
            "Expect the finish and durability that set {brand} apart."));

    private final int pricePercent;
    private final List<String> pitches;

    Tier(int pricePercent, List<String> pitches) {
      this.pricePercent = pricePercent;
      this.pitches = pitches;
    }
  }

  private record Brand(String slug, String name, Tier tier, List<String> departmentSlugs) {}

  /**
   * Everything needed to invent products for one leaf category. {@code nameAttributeKey} names the
   * attribute whose value also appears in the product name (e.g. the material in "Knit Trail
   * Runners"), so name and attributes never contradict each other.
   */
  private record Leaf(
      String slug,
      String name,
      String departmentSlug,
      int weight,
      int minEuros,
      int maxEuros,
      List<String> colours,
      List<String> sizes,
      boolean sizesRaisePrice,
      List<String> nouns,
      List<String> adjectives,
      String nameAttributeKey,
      Map<String, List<String>> attributes,
      List<String> editions,
      List<String> uses) {}

  private record Department(String slug, String name, List<Leaf> leaves) {}

  private static final List<Department> DEPARTMENTS =
      List.of(shoes(), clothing(), kitchen(), home(), electronics(), outdoor(), beauty(), toys());

  private static final List<Brand> BRANDS =
      List.of(
          brand("Northpeak", Tier.PREMIUM, "shoes", "clothing", "outdoor"),
          brand("Fjellgarn", Tier.PREMIUM, "clothing", "outdoor"),
          brand("Sonora", Tier.STANDARD, "electronics"),
          brand("Atelier Marin", Tier.PREMIUM, "clothing", "beauty"),
          brand("Ferrum & Co", Tier.PREMIUM, "kitchen", "outdoor"),
          brand("Stride Theory", Tier.STANDARD, "shoes"),
          brand("Kestrel Run", Tier.STANDARD, "shoes", "clothing"),
          brand("Urbanfoot", Tier.BUDGET, "shoes"),
          brand("Solvik", Tier.STANDARD, "shoes", "outdoor"),
          brand("Pace Republic", Tier.BUDGET, "shoes", "clothing"),
          brand("Cobble & Lace", Tier.PREMIUM, "shoes"),
          brand("Trailwright", Tier.STANDARD, "shoes", "outdoor"),
          brand("Linnea Studio", Tier.STANDARD, "clothing", "home"),
          brand("Harbour Row", Tier.BUDGET, "clothing"),
          brand("Woolhaven", Tier.PREMIUM, "clothing", "home"),
          brand("Blue Thistle", Tier.STANDARD, "clothing"),
          brand("Mondrova", Tier.BUDGET, "clothing", "shoes"),
          brand("Copperleaf", Tier.STANDARD, "kitchen", "home"),
          brand("Hearthstone", Tier.STANDARD, "kitchen"),
          brand("Oak & Ember", Tier.PREMIUM, "kitchen", "home"),
          brand("Saltmarsh", Tier.BUDGET, "kitchen", "home"),
          brand("Kitoro", Tier.PREMIUM, "kitchen"),
          brand("Brewlab", Tier.STANDARD, "kitchen", "electronics"),
          brand("Panterra", Tier.BUDGET, "kitchen"),
          brand("Casa Lumen", Tier.STANDARD, "home"),
          brand("Nordhem", Tier.STANDARD, "home", "kitchen"),
          brand("Willowmere", Tier.PREMIUM, "home", "beauty"),
          brand("Loftline", Tier.BUDGET, "home"),
          brand("Driftwood Lane", Tier.STANDARD, "home"),
          brand("Voltaic", Tier.STANDARD, "electronics"),
          brand("Auralis", Tier.PREMIUM, "electronics"),
          brand("Pulsewave", Tier.BUDGET, "electronics"),
          brand("Lumatek", Tier.STANDARD, "electronics", "home"),
          brand("Hushline", Tier.PREMIUM, "electronics"),
          brand("Zentrix", Tier.BUDGET, "electronics"),
          brand("Ampere & Oak", Tier.STANDARD, "electronics", "home"),
          brand("Ridgecraft", Tier.STANDARD, "outdoor"),
          brand("Cairnline", Tier.PREMIUM, "outdoor", "clothing"),
          brand("Basecamp Supply", Tier.BUDGET, "outdoor"),
          brand("Alpenglow", Tier.STANDARD, "outdoor", "clothing"),
          brand("Wildmoor", Tier.STANDARD, "outdoor", "shoes"),
          brand("Bloom & Bough", Tier.STANDARD, "beauty"),
          brand("Maison Clair", Tier.PREMIUM, "beauty"),
          brand("Pure Fjord", Tier.STANDARD, "beauty"),
          brand("Velora", Tier.BUDGET, "beauty"),
          brand("Saltwater Apothecary", Tier.PREMIUM, "beauty", "home"),
          brand("Aurelle", Tier.STANDARD, "beauty"),
          brand("Little Otter", Tier.STANDARD, "toys"),
          brand("Brickhaven", Tier.STANDARD, "toys"),
          brand("Puzzleworks", Tier.BUDGET, "toys"),
          brand("Tinker & Twig", Tier.PREMIUM, "toys", "home"),
          brand("Happy Meadow", Tier.BUDGET, "toys"),
          brand("Gamehall", Tier.STANDARD, "toys"),
          brand("Kidsprout", Tier.STANDARD, "toys", "clothing"),
          brand("Granite Bay", Tier.STANDARD, "outdoor", "kitchen"),
          brand("Emberline", Tier.STANDARD, "outdoor", "kitchen"),
          brand("Silverbirch", Tier.PREMIUM, "home", "kitchen"),
          brand("Roamwell", Tier.BUDGET, "shoes", "outdoor"),
          brand("Tidewater", Tier.STANDARD, "clothing", "shoes"),
          brand("Orbitone", Tier.STANDARD, "electronics"),
          brand("Kindred Goods", Tier.BUDGET, "home", "kitchen", "toys"),
          brand("Mistral", Tier.STANDARD, "beauty"),
          brand("Nimbus Labs", Tier.BUDGET, "electronics", "toys"),
          brand("Paloma Verde", Tier.STANDARD, "beauty", "home"));

  private static final List<Leaf> LEAVES =
      DEPARTMENTS.stream().flatMap(department -> department.leaves().stream()).toList();

  /** Running totals of leaf weights, so a single draw picks a leaf proportionally to weight. */
  private static final int[] CUMULATIVE_LEAF_WEIGHTS = cumulativeWeights(LEAVES);

  /** Only read by key, never iterated, so its order cannot leak into the output. */
  private static final Map<String, List<Brand>> BRANDS_BY_DEPARTMENT = brandsByDepartment();

  private static final List<CategorySpec> CATEGORIES = categorySpecs();

  private static final List<BrandSpec> BRAND_SPECS =
      BRANDS.stream().map(brand -> new BrandSpec(brand.slug(), brand.name())).toList();

  static {
    verifyReferenceData();
  }

  private final long seed;

  public CatalogGenerator(long seed) {
    this.seed = seed;
  }

  /** The category tree: all departments first, then their leaf categories in department order. */
  public List<CategorySpec> categories() {
    return CATEGORIES;
  }

  public List<BrandSpec> brands() {
    return BRAND_SPECS;
  }

  /** Lazily generates products {@code 0 .. count-1}; nothing is retained between elements. */
  public Stream<ProductSpec> products(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    return IntStream.range(0, count).mapToObj(this::product);
  }

  /** The product at a 0-based index; it depends only on the seed and the index. */
  public ProductSpec product(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative: " + index);
    }
    Random random = new Random(productSeed(index));
    Leaf leaf = pickLeaf(random);
    Brand brand = pick(random, BRANDS_BY_DEPARTMENT.get(leaf.departmentSlug()));
    Map<String, String> attributes = productAttributes(random, leaf);
    String name = productName(random, leaf, attributes);
    String slug = productSlug(brand, name, index);
    List<VariantSpec> variants = variants(random, leaf, brand, index);
    List<String> colours = distinctValues(variants, "colour");
    List<ImageSpec> images = images(random, slug, name, colours);
    String description = description(random, leaf, brand, name, attributes, variants);
    Instant createdAt = CREATED_BEFORE.minusSeconds(1L + random.nextInt(CREATION_WINDOW_SECONDS));
    return new ProductSpec(
        slug,
        name,
        brand.slug(),
        leaf.slug(),
        description,
        attributes,
        images,
        variants,
        createdAt);
  }

  // ---------------------------------------------------------------------------------------------
  // Product assembly

  /**
   * Mixes seed and index through two SplitMix64 finalisers so neighbouring indices get unrelated
   * seeds; seeding {@code Random} with {@code seed + index} would give visibly correlated first
   * draws.
   */
  private long productSeed(int index) {
    return mix64(mix64(seed) + 0x9E3779B97F4A7C15L * (index + 1L));
  }

  private static long mix64(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static Leaf pickLeaf(Random random) {
    int ticket = random.nextInt(CUMULATIVE_LEAF_WEIGHTS[CUMULATIVE_LEAF_WEIGHTS.length - 1]);
    int leafIndex = 0;
    while (ticket >= CUMULATIVE_LEAF_WEIGHTS[leafIndex]) {
      leafIndex++;
    }
    return LEAVES.get(leafIndex);
  }

  private static Map<String, String> productAttributes(Random random, Leaf leaf) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> attribute : leaf.attributes().entrySet()) {
      attributes.put(attribute.getKey(), pick(random, attribute.getValue()));
    }
    return attributes;
  }

  /**
   * "Adjective Feature Noun", with the adjective or the feature left out now and then so that names
   * do not all share the same rhythm.
   */
  private static String productName(Random random, Leaf leaf, Map<String, String> attributes) {
    String noun = pick(random, leaf.nouns());
    String adjective = pick(random, leaf.adjectives());
    String feature =
        leaf.nameAttributeKey() == null ? null : attributes.get(leaf.nameAttributeKey());
    int shape = random.nextInt(100);
    if (feature != null && shape >= 85) {
      feature = null;
    } else if (feature != null && shape >= 60) {
      adjective = null;
    }
    if (adjective != null && containsWord(noun, adjective)) {
      adjective = null;
    }
    StringBuilder name = new StringBuilder(64);
    appendWord(name, adjective);
    appendWord(name, feature);
    appendWord(name, noun);
    if (!leaf.editions().isEmpty() && random.nextBoolean()) {
      appendWord(name, pick(random, leaf.editions()));
    }
    return name.toString();
  }

  /**
   * The base-36 index suffix makes the slug unique: it is the only segment after the last dash and
   * differs between indices, so two products can never share a slug.
   */
  private static String productSlug(Brand brand, String name, int index) {
    String suffix = Integer.toString(index, 36);
    String base = slugify(brand.name() + " " + name);
    int maxBaseLength = MAX_SLUG_LENGTH - suffix.length() - 1;
    if (base.length() > maxBaseLength) {
      base = trimDashes(base.substring(0, maxBaseLength));
    }
    return base + "-" + suffix;
  }

  private static List<VariantSpec> variants(Random random, Leaf leaf, Brand brand, int index) {
    List<String> colours = pickColours(random, leaf);
    List<String> sizes = pickSizes(random, leaf, colours.size());

    int baseEuros = leaf.minEuros() + random.nextInt(leaf.maxEuros() - leaf.minEuros() + 1);
    int euros = Math.max(2, baseEuros * brand.tier().pricePercent / 100);
    int endingCents = pick(random, PRICE_ENDING_CENTS);
    int sizeStepEuros = Math.max(1, euros * 15 / 100);
    int largeSizeSurchargeEuros =
        !leaf.sizesRaisePrice()
                && !sizes.isEmpty()
                && random.nextInt(100) < LARGE_SIZE_SURCHARGE_PERCENT
            ? Math.max(1, euros / 20)
            : 0;
    int firstLargeSize = leaf.sizes().size() - Math.max(1, leaf.sizes().size() / 4);
    boolean productSoldOut = random.nextInt(100) < PRODUCT_SOLD_OUT_PERCENT;

    List<String> colourAxis = colours.isEmpty() ? Collections.singletonList(null) : colours;
    List<String> sizeAxis = sizes.isEmpty() ? Collections.singletonList(null) : sizes;
    String skuPrefix = "P" + zeroPadded(index, 7) + "-";
    List<VariantSpec> variants = new ArrayList<>(colourAxis.size() * sizeAxis.size());
    for (String colour : colourAxis) {
      for (int sizeRank = 0; sizeRank < sizeAxis.size(); sizeRank++) {
        String size = sizeAxis.get(sizeRank);
        Map<String, String> attributes = new LinkedHashMap<>();
        if (colour != null) {
          attributes.put("colour", colour);
        }
        if (size != null) {
          attributes.put("size", size);
        }
        int variantEuros = euros;
        if (size != null && leaf.sizesRaisePrice()) {
          variantEuros += sizeRank * sizeStepEuros;
        } else if (size != null && leaf.sizes().indexOf(size) >= firstLargeSize) {
          variantEuros += largeSizeSurchargeEuros;
        }
        boolean soldOut = productSoldOut || random.nextInt(100) < VARIANT_SOLD_OUT_PERCENT;
        int unitsMain = 0;
        int unitsNorth = 0;
        if (!soldOut) {
          unitsMain = random.nextInt(MAX_UNITS_MAIN + 1);
          unitsNorth = random.nextInt(MAX_UNITS_NORTH + 1);
          if (unitsMain == 0 && unitsNorth == 0) {
            // Sold-out variants are decided above; keep the share predictable.
            unitsMain = 1 + random.nextInt(MAX_UNITS_MAIN);
          }
        }
        variants.add(
            new VariantSpec(
                skuPrefix + (variants.size() + 1),
                variantLabel(colour, size),
                price(variantEuros, endingCents),
                attributes,
                unitsMain,
                unitsNorth));
      }
    }
    return variants;
  }

  /** Colour count is skewed towards one or two; with a size axis fewer colours keep it at 12. */
  private static List<String> pickColours(Random random, Leaf leaf) {
    if (leaf.colours().isEmpty()) {
      return List.of();
    }
    int roll = random.nextInt(100);
    int count;
    if (!leaf.sizes().isEmpty()) {
      count = roll < 45 ? 1 : roll < 80 ? 2 : 3;
    } else {
      count = roll < 25 ? 1 : roll < 55 ? 2 : roll < 80 ? 3 : roll < 92 ? 4 : 5;
    }
    count = Math.min(count, leaf.colours().size());
    List<String> chosen = new ArrayList<>(count);
    while (chosen.size() < count) {
      String colour = pick(random, leaf.colours());
      if (!chosen.contains(colour)) {
        chosen.add(colour);
      }
    }
    return chosen;
  }

  /** A contiguous run of sizes (e.g. EU 40-44), because shops rarely stock scattered sizes. */
  private static List<String> pickSizes(Random random, Leaf leaf, int colourCount) {
    List<String> all = leaf.sizes();
    if (all.isEmpty()) {
      return List.of();
    }
    int min = Math.min(2, all.size());
    int max = Math.min(all.size(), 6);
    if (colourCount > 0) {
      max = Math.min(max, MAX_VARIANTS / colourCount);
    } else {
      min = 1;
    }
    int count = min + random.nextInt(max - min + 1);
    int start = random.nextInt(all.size() - count + 1);
    return all.subList(start, start + count);
  }

  private static String variantLabel(String colour, String size) {
    if (colour != null && size != null) {
      return colour + " / " + size;
    }
    if (colour != null) {
      return colour;
    }
    return size != null ? size : "Standard";
  }

  /** Whole euros plus a retail ending: 60 euros ending in 99 cents becomes 59.99, not 60.99. */
  private static BigDecimal price(int euros, int endingCents) {
    long cents = endingCents == 0 ? euros * 100L : (euros - 1) * 100L + endingCents;
    return BigDecimal.valueOf(cents, 2);
  }

  private static List<ImageSpec> images(
      Random random, String slug, String name, List<String> colours) {
    int count = 1 + random.nextInt(IMAGE_VIEWS.size());
    List<ImageSpec> images = new ArrayList<>(count);
    for (int n = 1; n <= count; n++) {
      String view = IMAGE_VIEWS.get(n - 1);
      String altText =
          colours.isEmpty()
              ? name + ", " + view
              : name + " in " + colours.get((n - 1) % colours.size()) + ", " + view;
      images.add(new ImageSpec("/media/products/" + slug + "/" + n + ".svg", altText));
    }
    return images;
  }

  /**
   * An opening line plus up to three of: key details, availability and a brand pitch. Templates
   * avoid verbs that would have to agree with the name, because names can be singular ("Skillet")
   * or plural ("Sneakers").
   */
  private static String description(
      Random random,
      Leaf leaf,
      Brand brand,
      String name,
      Map<String, String> attributes,
      List<VariantSpec> variants) {
    String use = pick(random, leaf.uses());
    List<String> sentences = new ArrayList<>(4);
    sentences.add(
        switch (random.nextInt(4)) {
          case 0 -> brand.name() + " designed the " + name + " for " + use + ".";
          case 1 -> "Made for " + use + ": the " + name + " from " + brand.name() + ".";
          case 2 -> brand.name() + " built the " + name + " with " + use + " in mind.";
          default -> "For " + use + ", " + brand.name() + " recommends the " + name + ".";
        });

    boolean withDetails = !attributes.isEmpty() && random.nextInt(100) < 70;
    String availability = availability(variants);
    boolean withAvailability = availability != null && random.nextInt(100) < 70;
    boolean withPitch = random.nextInt(100) < 60 || (!withDetails && !withAvailability);
    if (withDetails) {
      sentences.add(details(random, attributes));
    }
    if (withAvailability) {
      sentences.add(availability);
    }
    if (withPitch) {
      sentences.add(pick(random, brand.tier().pitches).replace("{brand}", brand.name()));
    }

    StringBuilder text = new StringBuilder(256);
    for (String sentence : sentences) {
      int needed = text.isEmpty() ? sentence.length() : sentence.length() + 1;
      if (text.length() + needed > MAX_DESCRIPTION_LENGTH) {
        break;
      }
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append(sentence);
    }
    return text.toString();
  }

  private static String details(Random random, Map<String, String> attributes) {
    List<Map.Entry<String, String>> entries = new ArrayList<>(attributes.entrySet());
    if (entries.size() > 3) {
      entries.remove(random.nextInt(entries.size()));
    }
    String opener = pick(random, DETAIL_OPENERS);
    StringBuilder sentence = new StringBuilder(opener);
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) {
        sentence.append(i == entries.size() - 1 ? " and " : ", ");
      }
      sentence.append(entries.get(i).getKey()).append(' ').append(entries.get(i).getValue());
    }
    return sentence.append('.').toString();
  }

  /** "Available in Black and Navy, sizes 40 to 44." or null when there is nothing to choose. */
  private static String availability(List<VariantSpec> variants) {
    List<String> colours = distinctValues(variants, "colour");
    List<String> sizes = distinctValues(variants, "size");
    if (colours.isEmpty() && sizes.isEmpty()) {
      return null;
    }
    if (colours.isEmpty()) {
      return "Available in " + joinNaturally(sizes) + ".";
    }
    String sentence = "Available in " + joinNaturally(colours);
    if (sizes.size() == 1) {
      sentence += ", size " + sizes.get(0);
    } else if (sizes.size() > 1) {
      sentence += ", sizes " + sizes.get(0) + " to " + sizes.get(sizes.size() - 1);
    }
    return sentence + ".";
  }

  private static List<String> distinctValues(List<VariantSpec> variants, String key) {
    List<String> values = new ArrayList<>();
    for (VariantSpec variant : variants) {
      String value = variant.attributes().get(key);
      if (value != null && !values.contains(value)) {
        values.add(value);
      }
    }
    return values;
  }

  // ---------------------------------------------------------------------------------------------
  // Small helpers

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String joinNaturally(List<String> values) {
    if (values.size() == 1) {
      return values.get(0);
    }
    return String.join(", ", values.subList(0, values.size() - 1))
        + " and "
        + values.get(values.size() - 1);
  }

  private static void appendWord(StringBuilder text, String word) {
    if (word == null) {
      return;
    }
    if (text.length() > 0) {
      text.append(' ');
    }
    text.append(word);
  }

  private static boolean containsWord(String phrase, String word) {
    return (" " + phrase.toLowerCase(Locale.ROOT) + " ")
        .contains(" " + word.toLowerCase(Locale.ROOT) + " ");
  }

  private static String zeroPadded(int value, int width) {
    String digits = Integer.toString(value);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  /** Lower-case ASCII words joined by single dashes; apostrophes vanish ("Chef's" -> "chefs"). */
  static String slugify(String text) {
    StringBuilder slug = new StringBuilder(text.length());
    boolean pendingDash = false;
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toLowerCase(text.charAt(i));
      if (c == '\'') {
        continue;
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (pendingDash && slug.length() > 0) {
          slug.append('-');
        }
        pendingDash = false;
        slug.append(c);
      } else {
        pendingDash = true;
      }
    }
    return slug.toString();
  }

  private static String trimDashes(String slug) {
    int end = slug.length();
    while (end > 0 && slug.charAt(end - 1) == '-') {
      end--;
    }
    return slug.substring(0, end);
  }

  private static Map<String, String> orderedCopy(Map<String, String> attributes) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  // ---------------------------------------------------------------------------------------------
  // Reference data: departments, leaf categories and brands

  private static Department shoes() {
    return department(
        "shoes",
        "Shoes",
        leaf("running-shoes", "Running Shoes")
            .weight(3)
            .priceEuros(55, 180)
            .colours(ALL_COLOURS)
            .sizes(EU_SHOE_SIZES)
            .nouns(
                "Running Sneakers",
                "Trail Runners",
                "Racing Flats",
                "Road Runners",
                "Running Shoes")
            .adjectives("Lightweight", "Cushioned", "Responsive", "Breathable", "Everyday", "Tempo")
            .nameAttribute("material", "Mesh", "Knit", "Engineered Mesh", "Recycled Mesh")
            .attribute("drop", "4 mm", "6 mm", "8 mm", "10 mm")
            .attribute("weight", "220 g", "245 g", "270 g", "295 g", "320 g")
            .attribute("fit", "Regular", "Wide", "Narrow")
            .uses("daily road miles", "tempo sessions", "long weekend runs", "race day"),
        leaf("casual-sneakers", "Sneakers")
            .weight(4)
            .priceEuros(45, 160)
            .colours(ALL_COLOURS)
            .sizes(EU_SHOE_SIZES)
            .nouns(
                "Sneakers",
                "Low-Top Sneakers",
                "High-Top Sneakers",
                "Slip-On Sneakers",
                "Court Sneakers")
            .adjectives("Classic", "Minimal", "Retro", "Everyday", "Clean", "Vintage")
            .nameAttribute("material", "Leather", "Suede", "Canvas", "Vegan Leather", "Knit")
            .attribute("sole", "Rubber", "Vulcanised Rubber", "Gum Rubber")
            .attribute("fit", "Regular", "Wide")
            .uses("city days", "weekend errands", "casual Fridays", "summer evenings"),
        leaf("hiking-boots", "Hiking Boots")
            .weight(2)
            .priceEuros(90, 260)
            .colours(OUTDOOR_COLOURS)
            .sizes(EU_SHOE_SIZES)
            .nouns("Hiking Boots", "Mid Hikers", "Trekking Boots", "Approach Shoes")
            .adjectives("Waterproof", "Rugged", "Lightweight", "All-Season", "Alpine")
            .nameAttribute("material", "Nubuck", "Leather", "Suede", "Synthetic")
            .attribute("waterproofing", "Waterproof Membrane", "Water-Repellent", "None")
            .attribute("sole", "Lugged Rubber", "Sticky Rubber")
            .attribute("weight", "480 g", "540 g", "610 g", "720 g")
            .uses("multi-day treks", "rocky trails", "muddy autumn walks"),
        leaf("sandals-slides", "Sandals & Slides")
            .weight(1)
            .priceEuros(25, 110)
            .colours(ALL_COLOURS)
            .sizes(EU_SHOE_SIZES)
            .nouns("Sandals", "Slides", "Sport Sandals", "Flip-Flops")
            .adjectives("Summer", "Comfort", "Cushioned", "Everyday", "Minimal")
            .nameAttribute("material", "Leather", "Cork", "Recycled Foam", "Rubber")
            .attribute("footbed", "Contoured", "Cushioned", "Cork")
            .attribute("fit", "Regular", "Wide")
            .uses("beach days", "warm evenings", "poolside lounging"),
        leaf("dress-shoes", "Dress Shoes")
            .weight(1)
            .priceEuros(80, 280)
            .colours(DRESS_COLOURS)
            .sizes(EU_SHOE_SIZES)
            .nouns("Derby Shoes", "Oxford Shoes", "Loafers", "Chelsea Boots")
            .adjectives("Classic", "Polished", "Handmade", "Modern", "Heritage")
            .nameAttribute("material", "Calf Leather", "Suede", "Patent Leather", "Nubuck")
            .attribute("sole", "Leather", "Rubber", "Commando")
            .attribute("construction", "Goodyear Welted", "Blake Stitched", "Cemented")
            .uses("office days", "weddings", "evenings out"));
  }

  private static Department clothing() {
    return department(
        "clothing",
        "Clothing",
        leaf("jackets-coats", "Jackets & Coats")
            .weight(2)
            .priceEuros(60, 320)
            .colours(ALL_COLOURS)
            .sizes(CLOTHING_SIZES)
            .nouns("Jacket", "Puffer Jacket", "Parka", "Field Jacket", "Coat")
            .adjectives("Packable", "Insulated", "Waterproof", "Lightweight", "Urban", "Hooded")
            .nameAttribute(
                "material", "Recycled Nylon", "Down", "Softshell", "Waxed Cotton", "Wool")
            .attribute("fit", CLOTHING_FITS)
            .attribute("care", CLOTHING_CARE)
            .uses("wet commutes", "cold mornings", "city winters", "shoulder-season hikes"),
        leaf("t-shirts-tops", "T-Shirts & Tops")
            .weight(3)
            .priceEuros(12, 60)
            .colours(ALL_COLOURS)
            .sizes(CLOTHING_SIZES)
            .nouns("T-Shirt", "Crew Tee", "Long-Sleeve Tee", "Polo Shirt", "Tank Top")
            .adjectives("Essential", "Classic", "Heavyweight", "Soft", "Everyday", "Garment-Dyed")
            .nameAttribute("material", "Organic Cotton", "Cotton", "Linen", "Merino", "Bamboo")
            .attribute("fit", "Regular", "Relaxed", "Slim", "Oversized")
            .attribute("care", "Machine Washable", "Hand Wash")
            .uses("warm days", "layering", "everyday wear"),
        leaf("hoodies-sweatshirts", "Hoodies & Sweatshirts")
            .weight(2)
            .priceEuros(35, 120)
            .colours(ALL_COLOURS)
            .sizes(CLOTHING_SIZES)
            .nouns("Hoodie", "Zip Hoodie", "Sweatshirt", "Crewneck Sweatshirt")
            .adjectives("Cosy", "Brushed", "Heavyweight", "Everyday", "Classic")
            .nameAttribute("material", "Fleece", "Organic Cotton", "French Terry", "Cotton Blend")
            .attribute("fit", CLOTHING_FITS)
            .attribute("care", "Machine Washable", "Hand Wash")
            .uses("lazy Sundays", "cool evenings", "post-workout layering"),
        leaf("trousers-chinos", "Trousers & Chinos")
            .weight(2)
            .priceEuros(40, 150)
            .colours(ALL_COLOURS)
            .sizes(CLOTHING_SIZES)
            .nouns("Chinos", "Trousers", "Joggers", "Cargo Trousers", "Five-Pocket Trousers")
            .adjectives("Classic", "Everyday", "Tailored", "Weekend", "Utility")
            .nameAttribute("material", "Cotton Twill", "Corduroy", "Linen", "Stretch Cotton")
            .attribute("fit", "Slim", "Regular", "Tapered", "Relaxed")
            .attribute("care", CLOTHING_CARE)
            .uses("office days", "weekend wear", "travel days"),
        leaf("knitwear", "Knitwear")
            .weight(1)
            .priceEuros(50, 220)
            .colours(ALL_COLOURS)
            .sizes(CLOTHING_SIZES)
            .nouns("Jumper", "Cardigan", "Roll-Neck Jumper", "Sweater")
            .adjectives("Chunky", "Fine-Knit", "Cable-Knit", "Classic", "Cosy")
            .nameAttribute("material", "Merino", "Lambswool", "Cashmere", "Cotton", "Alpaca Blend")
            .attribute("fit", CLOTHING_FITS)
            .attribute("care", CLOTHING_CARE)
            .uses("chilly evenings", "winter layering", "office days"));
  }

  private static Department kitchen() {
    return department(
        "kitchen",
        "Kitchen",
        leaf("pans-cookware", "Pans & Cookware")
            .weight(2)
            .priceEuros(25, 220)
            .steppedSizes("20 cm", "24 cm", "26 cm", "28 cm", "32 cm")
            .nouns("Skillet", "Frying Pan", "Saute Pan", "Saucepan", "Wok", "Casserole Dish")
            .adjectives("Professional", "Everyday", "Heavy-Duty", "Classic")
            .nameAttribute(
                "material",
                "Cast Iron",
                "Carbon Steel",
                "Stainless Steel",
                "Enamelled Cast Iron",
                "Hard-Anodised Aluminium")
            .attribute("hob", "All Hobs Including Induction", "Gas & Electric")
            .attribute("warranty", "5 Years", "10 Years", "Lifetime")
            .uses("weeknight dinners", "searing steaks", "Sunday roasts", "one-pan meals"),
        leaf("kitchen-knives", "Knives")
            .weight(1)
            .priceEuros(20, 250)
            .nouns("Chef's Knife", "Santoku Knife", "Paring Knife", "Bread Knife", "Utility Knife")
            .adjectives("Forged", "Hand-Finished", "Professional", "Everyday", "Japanese-Style")
            .nameAttribute(
                "material", "Damascus Steel", "Carbon Steel", "Stainless Steel", "VG-10 Steel")
            .attribute("blade length", "9 cm", "13 cm", "15 cm", "18 cm", "20 cm")
            .attribute("handle", "Pakkawood", "Olive Wood", "Walnut", "Polymer")
            .attribute("warranty", "5 Years", "Lifetime")
            .uses("precise prep work", "everyday slicing", "weekend cooking projects"),
        leaf("small-appliances", "Small Appliances")
            .weight(2)
            .priceEuros(25, 300)
            .colours(APPLIANCE_COLOURS)
            .nouns(
                "Kettle",
                "Blender",
                "Toaster",
                "Hand Mixer",
                "Stand Mixer",
                "Coffee Grinder",
                "Rice Cooker")
            .adjectives("Compact", "Quiet", "Smart", "Powerful", "Retro")
            .nameAttribute("material", "Stainless Steel", "Brushed Steel", "Enamelled Steel")
            .attribute("wattage", "600 W", "900 W", "1200 W", "1500 W", "2200 W")
            .attribute("warranty", "2 Years", "3 Years")
            .uses("busy mornings", "smoothie routines", "small kitchens"),
        leaf("coffee-tea", "Coffee & Tea")
            .weight(1)
            .priceEuros(15, 180)
            .colours(List.of("Black", "White", "Copper", "Silver", "Slate"))
            .nouns("French Press", "Pour-Over Dripper", "Teapot", "Tea Infuser", "Cold Brew Maker")
            .adjectives("Classic", "Barista", "Minimal", "Double-Walled", "Nordic")
            .nameAttribute("material", "Glass", "Stainless Steel", "Ceramic", "Porcelain")
            .attribute("capacity", "350 ml", "600 ml", "800 ml", "1 L")
            .attribute("warranty", WARRANTIES)
            .uses("slow weekend mornings", "afternoon tea", "brewing for friends"),
        leaf("tableware", "Tableware")
            .weight(1)
            .priceEuros(10, 120)
            .colours(List.of("White", "Sand", "Slate", "Blue", "Green", "Grey", "Pink"))
            .nouns(
                "Dinner Plate Set",
                "Cereal Bowl Set",
                "Mug Set",
                "Serving Platter",
                "Pasta Bowl Set")
            .adjectives("Handmade", "Speckled", "Rustic", "Modern", "Everyday")
            .nameAttribute("material", "Stoneware", "Porcelain", "Ceramic", "Earthenware")
            .attribute("care", "Dishwasher Safe", "Hand Wash Recommended")
            .uses("everyday dinners", "hosting friends", "slow breakfasts"));
  }

  private static Department home() {
    return department(
        "home",
        "Home",
        leaf("bedding", "Bedding")
            .weight(2)
            .priceEuros(25, 180)
            .colours(HOME_COLOURS)
            .steppedSizes("Single", "Double", "King", "Super King")
            .nouns("Duvet Cover Set", "Fitted Sheet", "Pillowcase Pair", "Flat Sheet")
            .adjectives("Washed", "Soft", "Breathable", "Classic", "Hotel-Style")
            .nameAttribute(
                "material", "Linen", "Cotton Percale", "Cotton Sateen", "Flannel", "Bamboo Lyocell")
            .attribute("closure", "Buttons", "Zip", "Envelope")
            .attribute("care", "Machine Washable", "Tumble Dry Low")
            .uses("restful nights", "warm summer nights", "guest rooms"),
        leaf("lamps-lighting", "Lamps & Lighting")
            .weight(2)
            .priceEuros(25, 350)
            .colours(List.of("Black", "White", "Copper", "Silver", "Sand", "Green", "Slate"))
            .nouns("Table Lamp", "Floor Lamp", "Pendant Light", "Desk Lamp", "Wall Light")
            .adjectives("Dimmable", "Scandinavian", "Mid-Century", "Minimal", "Adjustable")
            .nameAttribute("material", "Rattan", "Ceramic", "Brushed Metal", "Opal Glass", "Oak")
            .attribute("bulb", "E27", "E14", "Integrated LED")
            .attribute("warranty", "2 Years", "3 Years")
            .uses("cosy reading corners", "home offices", "living rooms"),
        leaf("storage-organisation", "Storage & Organisation")
            .weight(1)
            .priceEuros(10, 160)
            .colours(HOME_COLOURS)
            .nouns("Storage Basket", "Storage Box", "Drawer Organiser", "Laundry Basket")
            .adjectives("Stackable", "Modular", "Compact", "Everyday", "Space-Saving")
            .nameAttribute("material", "Seagrass", "Felt", "Bamboo", "Cotton Rope")
            .attribute("assembly", "No Assembly Required", "Tool-Free Assembly")
            .uses("tidy hallways", "small flats", "kids' rooms"),
        leaf("home-decor", "Home Decor")
            .weight(2)
            .priceEuros(8, 140)
            .colours(HOME_COLOURS)
            .nouns("Vase", "Candle Holder", "Planter", "Decorative Bowl")
            .adjectives("Handmade", "Sculptural", "Rustic", "Minimal", "Textured")
            .nameAttribute("material", "Ceramic", "Glass", "Stoneware", "Terracotta")
            .attribute("finish", "Matte", "Glazed", "Raw")
            .uses("sunny windowsills", "dinner tables", "bare shelves"),
        leaf("cushions-throws", "Cushions & Throws")
            .weight(1)
            .priceEuros(15, 160)
            .colours(HOME_COLOURS)
            .nouns("Cushion Cover", "Throw Blanket", "Floor Cushion")
            .adjectives("Textured", "Cosy", "Handwoven", "Classic", "Soft")
            .nameAttribute("material", "Linen", "Wool", "Velvet", "Boucle", "Cotton")
            .attribute("care", "Machine Washable", "Hand Wash", "Dry Clean Only")
            .uses("lazy sofa evenings", "reading nooks", "chilly nights"));
  }

  private static Department electronics() {
    return department(
        "electronics",
        "Electronics",
        leaf("headphones", "Headphones")
            .weight(3)
            .priceEuros(25, 400)
            .colours(DEVICE_COLOURS)
            .nouns(
                "Headphones",
                "Wireless Headphones",
                "Noise-Cancelling Headphones",
                "Studio Headphones",
                "Sports Headphones")
            .adjectives("Lightweight", "Premium", "Travel", "Compact")
            .nameAttribute("fit", "Over-Ear", "On-Ear", "In-Ear")
            .attribute("battery life", "20 h", "30 h", "40 h", "60 h")
            .attribute("connectivity", "Bluetooth 5.2", "Bluetooth 5.3", "Bluetooth 5.4")
            .attribute("warranty", "1 Year", "2 Years")
            .editions(DEVICE_EDITIONS)
            .uses("long flights", "focused work", "daily commutes", "gym sessions"),
        leaf("speakers", "Speakers")
            .weight(2)
            .priceEuros(30, 450)
            .colours(DEVICE_COLOURS)
            .nouns(
                "Bluetooth Speaker",
                "Smart Speaker",
                "Soundbar",
                "Portable Speaker",
                "Bookshelf Speakers")
            .adjectives("Compact", "Powerful", "Room-Filling", "Minimal", "Hi-Fi")
            .attribute("output", "10 W", "20 W", "40 W", "60 W", "120 W")
            .attribute("connectivity", "Bluetooth 5.3", "Wi-Fi & Bluetooth")
            .attribute("warranty", WARRANTIES)
            .editions(DEVICE_EDITIONS)
            .uses("movie nights", "backyard parties", "kitchen playlists"),
        leaf("wearables", "Wearables")
            .weight(1)
            .priceEuros(40, 450)
            .colours(DEVICE_COLOURS)
            .nouns("Smartwatch", "Fitness Tracker", "GPS Sports Watch")
            .adjectives("Slim", "Rugged", "Everyday", "Premium", "Lightweight")
            .attribute("display", "AMOLED", "LCD", "Memory-In-Pixel")
            .attribute("battery life", "2 Days", "7 Days", "14 Days")
            .attribute("water resistance", "5 ATM", "10 ATM")
            .attribute("warranty", "1 Year", "2 Years")
            .editions(DEVICE_EDITIONS)
            .uses("training plans", "daily step goals", "marathon preparation"),
        leaf("chargers-power", "Chargers & Power")
            .weight(2)
            .priceEuros(10, 120)
            .colours(List.of("Black", "White", "Slate", "Blue"))
            .nouns(
                "Power Bank",
                "USB-C Charger",
                "Wireless Charging Pad",
                "Charging Cable",
                "Multi-Port Charger")
            .adjectives("Compact", "Fast-Charging", "Travel", "Slim", "Rugged")
            .attribute("output", "20 W", "30 W", "65 W", "100 W", "140 W")
            .attribute("warranty", "1 Year", "2 Years")
            .uses("travel days", "desk setups", "emergencies on the go"));
  }

  private static Department outdoor() {
    return department(
        "outdoor",
        "Outdoor",
        leaf("tents", "Tents")
            .weight(2)
            .priceEuros(60, 650)
            .colours(OUTDOOR_COLOURS)
            .nouns("Tent", "Dome Tent", "Tunnel Tent", "Backpacking Tent", "Trekking Tent")
            .adjectives("Ultralight", "Freestanding", "Quick-Pitch", "Storm-Proof", "Compact")
            .nameAttribute("capacity", "1-Person", "2-Person", "3-Person", "4-Person")
            .attribute("seasons", "3-Season", "4-Season")
            .attribute("weight", "1.1 kg", "1.6 kg", "2.4 kg", "3.2 kg")
            .attribute("hydrostatic head", "2000 mm", "3000 mm", "5000 mm")
            .uses("alpine bivouacs", "festival weekends", "wild camping trips", "family holidays"),
        leaf("sleeping-bags", "Sleeping Bags")
            .weight(1)
            .priceEuros(30, 400)
            .colours(OUTDOOR_COLOURS)
            .steppedSizes("Regular", "Long", "Wide")
            .nouns("Sleeping Bag", "Mummy Sleeping Bag", "Camping Quilt")
            .adjectives("Packable", "Ultralight", "Warm", "Compact")
            .nameAttribute("fill", "Down", "Synthetic", "Recycled Synthetic")
            .attribute("season rating", "2-Season", "3-Season", "4-Season")
            .attribute("weight", "700 g", "950 g", "1.2 kg", "1.6 kg")
            .uses("cold alpine nights", "summer festivals", "bikepacking trips"),
        leaf("backpacks", "Backpacks")
            .weight(2)
            .priceEuros(30, 260)
            .colours(OUTDOOR_COLOURS)
            .nouns("Backpack", "Daypack", "Hiking Backpack", "Travel Backpack", "Roll-Top Backpack")
            .adjectives("Lightweight", "Weatherproof", "Everyday", "Ventilated", "Minimalist")
            .nameAttribute("capacity", "18 L", "24 L", "30 L", "45 L", "65 L")
            .attribute("material", "Recycled Nylon", "Ripstop Polyester", "Waxed Canvas")
            .attribute("weight", "650 g", "900 g", "1.3 kg")
            .attribute("warranty", "5 Years", "Lifetime")
            .uses("day hikes", "city commutes", "weekend getaways"),
        leaf("camp-kitchen", "Camp Kitchen")
            .weight(1)
            .priceEuros(15, 180)
            .nouns("Camping Stove", "Cook Set", "Camp Mug", "Spork Set", "Camp Kettle")
            .adjectives("Ultralight", "Compact", "Packable", "Rugged")
            .nameAttribute("material", "Titanium", "Aluminium", "Stainless Steel")
            .attribute("weight", "85 g", "150 g", "320 g", "540 g")
            .attribute("warranty", WARRANTIES)
            .uses("backcountry breakfasts", "quick trail coffee", "overnight trips"));
  }

  private static Department beauty() {
    return department(
        "beauty",
        "Beauty",
        leaf("skincare", "Skincare")
            .weight(2)
            .priceEuros(8, 95)
            .steppedSizes("30 ml", "50 ml", "100 ml")
            .nouns("Face Cream", "Serum", "Cleanser", "Night Cream", "Eye Cream", "Face Oil")
            .adjectives("Hydrating", "Soothing", "Brightening", "Gentle", "Daily", "Nourishing")
            .nameAttribute(
                "key ingredient",
                "Hyaluronic Acid",
                "Vitamin C",
                "Niacinamide",
                "Aloe Vera",
                "Oat",
                "Rosehip")
            .attribute("skin type", SKIN_TYPES)
            .attribute("scent", "Unscented", "Light Floral", "Citrus")
            .uses("morning routines", "dry winter skin", "sensitive skin days"),
        leaf("haircare", "Haircare")
            .weight(1)
            .priceEuros(6, 45)
            .steppedSizes("250 ml", "500 ml", "1 L")
            .nouns("Shampoo", "Conditioner", "Hair Mask", "Hair Oil", "Leave-In Conditioner")
            .adjectives("Repairing", "Volumising", "Smoothing", "Gentle", "Nourishing")
            .nameAttribute("key ingredient", "Argan", "Coconut", "Rosemary", "Tea Tree", "Keratin")
            .attribute("hair type", "All Hair Types", "Curly Hair", "Fine Hair", "Dry Hair")
            .attribute("certification", "Vegan", "Cruelty-Free", "Organic")
            .uses("daily washing", "frizzy days", "after-sun care"),
        leaf("fragrance", "Fragrance")
            .weight(1)
            .priceEuros(25, 180)
            .steppedSizes("30 ml", "50 ml", "100 ml")
            .nouns("Eau de Parfum", "Eau de Toilette", "Body Mist", "Perfume Oil")
            .adjectives("Fresh", "Warm", "Bright", "Soft", "Intense")
            .nameAttribute(
                "notes", "Citrus", "Vetiver", "Fig", "Amber", "Sea Salt", "Cedar", "Neroli")
            .attribute("longevity", "Moderate", "Long-Lasting")
            .uses("evenings out", "everyday wear", "warm summer days"),
        leaf("bath-body", "Bath & Body")
            .weight(1)
            .priceEuros(5, 45)
            .steppedSizes("100 ml", "250 ml", "500 ml")
            .nouns("Body Lotion", "Shower Gel", "Hand Cream", "Body Scrub", "Bath Oil")
            .adjectives("Nourishing", "Refreshing", "Calming", "Gentle", "Rich")
            .nameAttribute("scent", "Lavender", "Eucalyptus", "Shea", "Sea Salt", "Bergamot", "Fig")
            .attribute("skin type", SKIN_TYPES)
            .attribute("certification", "Vegan", "Cruelty-Free", "Organic")
            .uses("slow evening baths", "post-workout showers", "dry hands in winter"));
  }

  private static Department toys() {
    return department(
        "toys",
        "Toys & Games",
        leaf("building-toys", "Building Toys")
            .weight(1)
            .priceEuros(10, 150)
            .nouns("Building Set", "Marble Run", "Construction Kit", "Brick Set")
            .adjectives("Creative", "Classic", "Deluxe", "Starter", "Modular")
            .nameAttribute("theme", "Space", "Castle", "City", "Dinosaur", "Harbour", "Jungle")
            .attribute("age", "3+", "6+", "8+", "12+")
            .attribute("pieces", "120 Pieces", "350 Pieces", "800 Pieces", "1500 Pieces")
            .uses("rainy afternoons", "family building sessions", "budding engineers"),
        leaf("board-games-puzzles", "Board Games & Puzzles")
            .weight(1)
            .priceEuros(12, 70)
            .nouns("Board Game", "Card Game", "Jigsaw Puzzle", "Strategy Game", "Party Game")
            .adjectives("Family", "Cooperative", "Classic", "Quick-Play", "Deluxe")
            .nameAttribute("theme", "Island", "Space", "Forest", "Ocean", "Medieval", "Railway")
            .attribute("age", "6+", "8+", "10+", "14+")
            .attribute("players", "1-4 Players", "2-4 Players", "2-6 Players", "3-8 Players")
            .attribute("playing time", "15 Minutes", "30 Minutes", "45 Minutes", "90 Minutes")
            .uses("game nights", "family evenings", "rainy weekends"),
        leaf("soft-toys", "Soft Toys")
            .weight(1)
            .priceEuros(8, 60)
            .steppedSizes("Small", "Medium", "Large")
            .nouns("Teddy Bear", "Plush Fox", "Plush Bunny", "Plush Whale", "Plush Otter")
            .adjectives("Huggable", "Super-Soft", "Classic", "Sleepy", "Snuggly")
            .nameAttribute("material", "Organic Cotton", "Recycled Plush", "Knitted Wool", "Velour")
            .attribute("age", "0+", "3+")
            .attribute("care", "Machine Washable", "Surface Wash Only")
            .uses("bedtime stories", "first birthdays", "long car rides"),
        leaf("outdoor-play", "Outdoor Play")
            .weight(1)
            .priceEuros(10, 200)
            .colours(TOY_COLOURS)
            .nouns("Balance Bike", "Kick Scooter", "Kite", "Sand Toy Set", "Water Blaster")
            .adjectives("Sturdy", "Lightweight", "Classic", "Adventure", "Junior")
            .attribute("age", "2+", "3+", "5+", "8+")
            .attribute("warranty", "1 Year", "2 Years")
            .uses("sunny afternoons", "park adventures", "beach days"));
  }

  private static Department department(String slug, String name, LeafBuilder... leaves) {
    List<Leaf> built = new ArrayList<>(leaves.length);
    for (LeafBuilder leaf : leaves) {
      built.add(leaf.build(slug));
    }
    return new Department(slug, name, List.copyOf(built));
  }

  private static LeafBuilder leaf(String slug, String name) {
    return new LeafBuilder(slug, name);
  }

  private static Brand brand(String name, Tier tier, String... departmentSlugs) {
    return new Brand(slugify(name), name, tier, List.of(departmentSlugs));
  }

  private static int[] cumulativeWeights(List<Leaf> leaves) {
    int[] cumulative = new int[leaves.size()];
    int total = 0;
    for (int i = 0; i < leaves.size(); i++) {
      total += leaves.get(i).weight();
      cumulative[i] = total;
    }
    return cumulative;
  }

  private static Map<String, List<Brand>> brandsByDepartment() {
    Map<String, List<Brand>> byDepartment = new LinkedHashMap<>();
    for (Department department : DEPARTMENTS) {
      List<Brand> members =
          BRANDS.stream()
              .filter(brand -> brand.departmentSlugs().contains(department.slug()))
              .toList();
      byDepartment.put(department.slug(), members);
    }
    return Collections.unmodifiableMap(byDepartment);
  }

  private static List<CategorySpec> categorySpecs() {
    List<CategorySpec> categories = new ArrayList<>();
    for (int d = 0; d < DEPARTMENTS.size(); d++) {
      Department department = DEPARTMENTS.get(d);
      categories.add(new CategorySpec(department.slug(), department.name(), null, d));
    }
    for (Department department : DEPARTMENTS) {
      for (int l = 0; l < department.leaves().size(); l++) {
        Leaf leaf = department.leaves().get(l);
        categories.add(new CategorySpec(leaf.slug(), leaf.name(), department.slug(), l));
      }
    }
    return List.copyOf(categories);
  }

  /** Fails class initialisation early if someone edits the tables into an inconsistent state. */
  private static void verifyReferenceData() {
    Set<String> categorySlugs = new HashSet<>();
    for (CategorySpec category : CATEGORIES) {
      requireSlug(category.slug(), 80);
      if (!categorySlugs.add(category.slug())) {
        throw new IllegalStateException("duplicate category slug " + category.slug());
      }
    }
    Set<String> brandSlugs = new HashSet<>();
    for (Brand brand : BRANDS) {
      requireSlug(brand.slug(), 80);
      if (!brandSlugs.add(brand.slug())) {
        throw new IllegalStateException("duplicate brand slug " + brand.slug());
      }
      if (brand.departmentSlugs().isEmpty() || brand.departmentSlugs().size() > 3) {
        throw new IllegalStateException(brand.name() + " must belong to 1-3 departments");
      }
      for (String departmentSlug : brand.departmentSlugs()) {
        if (!BRANDS_BY_DEPARTMENT.containsKey(departmentSlug)) {
          throw new IllegalStateException(brand.name() + " names unknown " + departmentSlug);
        }
      }
    }
    for (Department department : DEPARTMENTS) {
      if (BRANDS_BY_DEPARTMENT.get(department.slug()).isEmpty()) {
        throw new IllegalStateException("no brand sells " + department.slug());
      }
    }
  }

  private static void requireSlug(String slug, int maxLength) {
    if (slug.length() > maxLength || !SLUG.matcher(slug).matches()) {
      throw new IllegalStateException("invalid slug " + slug);
    }
  }

  /** Fluent construction keeps the reference tables above readable. */
  private static final class LeafBuilder {
    private final String slug;
    private final String name;
    private int weight = 1;
    private int minEuros;
    private int maxEuros;
    private List<String> colours = List.of();
    private List<String> sizes = List.of();
    private boolean sizesRaisePrice;
    private List<String> nouns = List.of();
    private List<String> adjectives = List.of();
    private String nameAttributeKey;
    private final Map<String, List<String>> attributes = new LinkedHashMap<>();
    private List<String> editions = List.of();
    private List<String> uses = List.of();

    private LeafBuilder(String slug, String name) {
      this.slug = slug;
      this.name = name;
    }

    LeafBuilder weight(int weight) {
      this.weight = weight;
      return this;
    }

    LeafBuilder priceEuros(int min, int max) {
      this.minEuros = min;
      this.maxEuros = max;
      return this;
    }

    LeafBuilder colours(List<String> colours) {
      this.colours = List.copyOf(colours);
      return this;
    }

    /** Sizes that share one price, such as shoe or clothing sizes. */
    LeafBuilder sizes(List<String> sizes) {
      this.sizes = List.copyOf(sizes);
      this.sizesRaisePrice = false;
      return this;
    }

    /** Sizes where each step up costs more, such as pan diameters or bottle volumes. */
    LeafBuilder steppedSizes(String... sizes) {
      this.sizes = List.of(sizes);
      this.sizesRaisePrice = true;
      return this;
    }

    LeafBuilder nouns(String... nouns) {
      this.nouns = List.of(nouns);
      return this;
    }

    LeafBuilder adjectives(String... adjectives) {
      this.adjectives = List.of(adjectives);
      return this;
    }

    LeafBuilder nameAttribute(String key, String... values) {
      this.nameAttributeKey = key;
      return attribute(key, values);
    }

    LeafBuilder attribute(String key, String... values) {
      return attribute(key, List.of(values));
    }

    LeafBuilder attribute(String key, List<String> values) {
      attributes.put(key, List.copyOf(values));
      return this;
    }

    LeafBuilder editions(List<String> editions) {
      this.editions = List.copyOf(editions);
      return this;
    }

    LeafBuilder uses(String... uses) {
      this.uses = List.of(uses);
      return this;
    }

    Leaf build(String departmentSlug) {
      if (minEuros < 3 || maxEuros < minEuros) {
        throw new IllegalStateException(slug + " needs a price range of at least 3 euros");
      }
      if (nouns.isEmpty() || adjectives.isEmpty() || uses.isEmpty() || weight < 1) {
        throw new IllegalStateException(slug + " needs nouns, adjectives, uses and a weight");
      }
      return new Leaf(
          slug,
          name,
          departmentSlug,
          weight,
          minEuros,
          maxEuros,
          colours,
          sizes,
          sizesRaisePrice,
          nouns,
          adjectives,
          nameAttributeKey,
          Collections.unmodifiableMap(new LinkedHashMap<>(attributes)),
          editions,
          uses);
    }
  }
}
