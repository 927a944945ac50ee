package org.crossingwatch.classifier.entities;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.crossingwatch.classifier.normalize.NormalizedText;
import org.crossingwatch.classifier.normalize.Normalizer;

/**
 * Front door of entity extraction: finds phone numbers, prices, messenger handles, links, crypto
 * wallets and places on known routes in a post's text.
 *
 * <p>Build one with {@link #create()} (this loads the route gazetteer, once) and share it: it is
 * immutable and thread-safe. The text is normalised with {@link Normalizer} first, so Arabic-Indic
 * and Persian digits, full-width characters and zero-width characters do not hide entities; every
 * entity's offsets and value refer to the original text.
 *
 * <p>Overlaps: a PHONE or WALLET inside a HANDLE or LINK is reported as well (a {@code wa.me} link
 * is both a WhatsApp handle and a phone number); any other overlap keeps the longer span, and of
 * two equal spans the one found first in the order phones, handles and links, wallets, prices,
 * places.
 */
public final class EntityExtractor {
  private final PlaceGazetteer gazetteer;
  private final PhoneNumberExtractor phones = new PhoneNumberExtractor();
  private final PriceExtractor prices = new PriceExtractor();
  private final HandleExtractor handles = new HandleExtractor();
  private final WalletExtractor wallets = new WalletExtractor();

  private EntityExtractor(PlaceGazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /**
   * An extractor with the shipped gazetteer.
   *
   * @throws IllegalStateException naming the resource if the gazetteer is missing or malformed
   */
  public static EntityExtractor create() {
    return new EntityExtractor(PlaceGazetteer.load(PlaceGazetteer.DEFAULT_RESOURCE));
  }

  /** An extractor with the gazetteer in the given class-path resource; for tests and tools. */
  static EntityExtractor withGazetteer(String resource) {
    return new EntityExtractor(PlaceGazetteer.load(resource));
  }

  /**
   * Finds the entities in one text.
   *
   * @param originalText the post's text as collected, possibly empty
   * @param languageHints detected language codes, most likely first ({@code ar}, {@code fa}, {@code
   *     fr}, or with a region such as {@code ar-LY}); they help read local phone numbers and
   *     ambiguous currencies; may be empty
   * @return the entities sorted by start offset (then longer first), empty if none
   * @throws NullPointerException if an argument or a hint is null
   */
  public List<Entity> extract(String originalText, List<String> languageHints) {
    requireNonNull(originalText, "originalText");
    requireNonNull(languageHints, "languageHints");
    return extractFrom(Normalizer.normalize(originalText), languageHints);
  }

  /**
   * Finds the entities in a text already normalised with {@link Normalizer#normalize(String)}, as
   * {@link #extract(String, List)} does with its original: the same entities, without normalising
   * the text a second time.
   *
   * @param text the normalised text; offsets and values refer to its {@linkplain
   *     NormalizedText#original() original}
   * @param languageHints as for {@link #extract(String, List)}
   * @return the entities sorted by start offset (then longer first), empty if none
   * @throws NullPointerException if an argument or a hint is null
   */
  public List<Entity> extractFrom(NormalizedText text, List<String> languageHints) {
    requireNonNull(text, "text");
    requireNonNull(languageHints, "languageHints");
    languageHints.forEach(hint -> requireNonNull(hint, "language hint in " + languageHints));
    List<Entity> places = gazetteer.find(text);
    List<String> regions = RegionGuesser.regions(text, languageHints, places);
    List<Entity> phoneNumbers = phones.extract(text, regions);

    List<Entity> candidates = new ArrayList<>(phoneNumbers);
    candidates.addAll(handles.extract(text, phoneNumbers));
    candidates.addAll(wallets.extract(text));
    candidates.addAll(prices.extract(text, regions));
    candidates.addAll(places);
    return resolveOverlaps(candidates);
  }

  private static List<Entity> resolveOverlaps(List<Entity> candidates) {
    List<Entity> byLength = new ArrayList<>(candidates);
    // stable sort: equal lengths keep the extractor order
    byLength.sort(Comparator.comparingInt(Entity::length).reversed());
    List<Entity> kept = new ArrayList<>();
    for (Entity candidate : byLength) {
      boolean clashes =
          kept.stream().anyMatch(k -> candidate.overlaps(k) && !mayNest(candidate, k));
      if (!clashes) {
        kept.add(candidate);
      }
    }
    kept.sort(
        Comparator.comparingInt(Entity::start)
            .thenComparing(Comparator.comparingInt(Entity::end).reversed()));
    return List.copyOf(kept);
  }

  /** A phone or wallet inside a handle or link is a second view of the same text, not a clash. */
  private static boolean mayNest(Entity inner, Entity outer) {
    boolean innerIsValue = inner.type() == Entity.Type.PHONE || inner.type() == Entity.Type.WALLET;
    boolean outerIsAddress = outer.type() == Entity.Type.HANDLE || outer.type() == Entity.Type.LINK;
    return innerIsValue && outerIsAddress && inner.isInside(outer);
  }
}
