package org.crossingwatch.classifier;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.crossingwatch.classifier.analysis.PostFields;
import org.crossingwatch.classifier.entities.Entity;
import org.crossingwatch.classifier.entities.EntityExtractor;
import org.crossingwatch.classifier.internal.CompiledRuleSet;
import org.crossingwatch.classifier.internal.RuleSetVersion;
import org.crossingwatch.classifier.language.DetectedLanguage;
import org.crossingwatch.classifier.language.LanguageDetector;
import org.crossingwatch.classifier.normalize.NormalizedText;
import org.crossingwatch.classifier.normalize.Normalizer;
import org.crossingwatch.classifier.rules.RuleLoadException;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.classifier.scoring.Features;
import org.crossingwatch.classifier.scoring.ScoringModel;
import org.crossingwatch.model.ExtractedEntity;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Rule;
import org.crossingwatch.model.RuleHit;
import org.crossingwatch.model.Span;
import org.crossingwatch.model.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classifier's front door: scores posts against a fixed rule set.
 *
 * <p>Each post's text is {@linkplain Normalizer normalised} (the post itself is not changed), its
 * languages are detected ({@link LanguageDetector}), it is analysed per language ({@link
 * PostFields}) and matched with Lucene Monitor against the rules its {@link LanguageRouting}
 * selects, and its phones, prices, handles, links, wallets and places are extracted ({@link
 * EntityExtractor}, with the detected languages as hints). Rules never see the digits of the phone
 * numbers found ({@link NormalizedText#withDigitsBlanked}): a phone is not an amount, and its digit
 * groups are never a rule's span. The score is a transparent logistic model ({@link ScoringModel})
 * over {@link Features}: the strongest rule weight per category, entity presence and interactions;
 * the verdict's {@code contributions} hold {@code bias} and each non-zero feature's weight × value,
 * so they sum to the log-odds. A post alerts when {@code score >= alertThreshold}. The verdict's
 * spans are in the original text.
 *
 * <p>A rule that cannot be used (unknown category, weight outside [-5, 5], a query that does not
 * parse, a repeated id) is left out, logged and listed in {@link #skippedRules()}; the others work.
 * A rule that fails while matching one post is logged with its id and counted in {@link
 * #matchErrors()}; the post is scored without it.
 *
 * <p>Thread-safe: one instance serves every thread. Immutable once built: to change rules, build a
 * new classifier and swap it in, then {@link #close()} the old one. Close every classifier: the
 * Lucene Monitor inside keeps a non-daemon cache-purge thread ({@code cache-purge-*}) until then.
 */
public final class Classifier implements PostClassifier, Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Classifier.class);

  private final List<Rule> rules;
  private final CompiledRuleSet compiled;
  private final ScoringModel model;
  private final LanguageDetector languageDetector;
  private final EntityExtractor entityExtractor;
  private final ClassifierSettings settings;
  private final Clock clock;
  private final String ruleSetVersion;
  private final AtomicLong matchErrors = new AtomicLong();

  private Classifier(List<Rule> rules, ClassifierSettings settings, Clock clock) {
    this.ruleSetVersion = RuleSetVersion.of(rules);
    this.compiled = CompiledRuleSet.compile(rules);
    this.rules = List.copyOf(compiled.rules().values());
    this.model = settings.model();
    this.languageDetector = LanguageDetector.shipped();
    this.entityExtractor = EntityExtractor.create();
    this.settings = settings;
    this.clock = clock;
    compiled
        .skipped()
        .forEach(
            (id, reason) ->
                LOG.warn("Rule {} left out of rule set {}: {}", id, ruleSetVersion, reason));
  }

  /** A classifier with {@link ClassifierSettings#defaults()}. */
  public static Classifier fromRules(List<Rule> rules) {
    return fromRules(rules, ClassifierSettings.defaults());
  }

  /** A classifier with these settings and the system UTC clock for {@code scoredAt}. */
  public static Classifier fromRules(List<Rule> rules, ClassifierSettings settings) {
    return fromRules(rules, settings, Clock.systemUTC());
  }

  /**
   * A classifier over these rules.
   *
   * @param rules the rule set, in the order hits are listed
   * @param settings threshold and scoring model
   * @param clock gives each verdict's {@code scoredAt}
   */
  public static Classifier fromRules(List<Rule> rules, ClassifierSettings settings, Clock clock) {
    requireNonNull(rules, "rules");
    requireNonNull(settings, "settings");
    requireNonNull(clock, "clock");
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i) == null) {
        throw new NullPointerException("rules[" + i + "] is null");
      }
    }
    return new Classifier(List.copyOf(rules), settings, clock);
  }

  /**
   * A classifier with default settings over every rule file of a directory (or one file), loaded
   * with {@link RulePackLoader#load(Path)}.
   *
   * @throws RuleLoadException listing every problem in the files
   * @throws IOException if a file cannot be read
   */
  public static Classifier fromRuleDirectory(Path directory) throws RuleLoadException, IOException {
    return fromRules(RulePackLoader.load(directory));
  }

  /**
   * Scores one post.
   *
   * @param post the post; its text may be empty
   * @return the verdict: score, alert, hits in rule order, contributions, languages, spans of the
   *     original text, entities
   */
  @Override
  public Verdict classify(Post post) {
    return explain(post).verdict();
  }

  /**
   * Scores one post and says where in its text each rule matched.
   *
   * @param post the post; its text may be empty
   * @return the verdict of {@link #classify(Post)} with the matched spans of the original text
   */
  public Classification explain(Post post) {
    requireNonNull(post, "post");
    NormalizedText text = Normalizer.normalize(post.text());
    List<DetectedLanguage> detected = detect(text, post.languageHint());
    List<String> languages = codes(detected);
    List<Entity> found = entityExtractor.extractFrom(text, languages);
    CompiledRuleSet.Matches matches =
        compiled.match(withPhoneDigitsBlanked(text, found), routed(detected));
    matches
        .errors()
        .forEach(
            (ruleId, error) -> {
              matchErrors.incrementAndGet();
              LOG.warn("Rule {} failed on post {}: {}", ruleId, post.key(), error.toString());
            });
    List<RuleHit> hits = new ArrayList<>();
    List<MatchedSpan> spans = new ArrayList<>();
    for (CompiledRuleSet.RuleMatch match : matches.matches()) {
      Rule rule = match.rule();
      hits.add(new RuleHit(rule.id(), rule.category(), rule.language(), rule.weight()));
      for (CompiledRuleSet.Span span : match.spans()) {
        spans.add(
            new MatchedSpan(
                rule.id(),
                span.start(),
                span.end(),
                post.text().substring(span.start(), span.end())));
      }
    }
    spans.sort(
        (a, b) ->
            a.start() != b.start()
                ? Integer.compare(a.start(), b.start())
                : a.ruleId().compareTo(b.ruleId()));
    List<ExtractedEntity> entities = found.stream().map(Classifier::entity).toList();
    Map<String, Double> features = Features.of(hits, entities);
    ScoringModel.Score score = model.score(features);
    Map<String, String> categories = new java.util.HashMap<>();
    hits.forEach(hit -> categories.put(hit.ruleId(), hit.category()));
    List<Span> verdictSpans =
        spans.stream()
            .map(s -> new Span(s.ruleId(), categories.get(s.ruleId()), s.start(), s.end()))
            .toList();
    Verdict verdict =
        new Verdict(
            0,
            post.key(),
            score.probability(),
            score.probability() >= settings.alertThreshold(),
            hits,
            score.contributions(),
            languages,
            ruleSetVersion,
            clock.instant(),
            List.of(),
            verdictSpans,
            entities);
    return new Classification(verdict, spans, features);
  }

  /**
   * The ids of the rules that match a text, as if it were a post's text.
   *
   * @return the ids, sorted; empty when none matches
   */
  public Set<String> matchingRuleIds(String text) {
    return matchingRuleIds(text, Optional.empty());
  }

  /**
   * As {@link #matchingRuleIds(String)} for a text whose platform declared a language, which
   * settles the language of texts too short for the detector (see {@link LanguageDetector}).
   */
  public Set<String> matchingRuleIds(String text, Optional<String> languageHint) {
    requireNonNull(text, "text");
    requireNonNull(languageHint, "languageHint");
    return matchingRuleIds(text, languageHint, Set.of());
  }

  private Set<String> matchingRuleIds(
      String text, Optional<String> languageHint, Set<String> alsoRouted) {
    NormalizedText normalized = Normalizer.normalize(text);
    List<DetectedLanguage> detected = detect(normalized, languageHint);
    Set<String> routed = new TreeSet<>(routed(detected));
    routed.addAll(alsoRouted);
    List<Entity> found = entityExtractor.extractFrom(normalized, codes(detected));
    return compiled.matchingIds(withPhoneDigitsBlanked(normalized, found), routed);
  }

  private static List<String> codes(List<DetectedLanguage> detected) {
    return detected.stream().map(DetectedLanguage::code).toList();
  }

  /**
   * The text as rules see it: the digits of the phone numbers found in it are blanked, so that no
   * rule takes them for an amount or any other number, and no span of a rule lies on them.
   */
  private static NormalizedText withPhoneDigitsBlanked(NormalizedText text, List<Entity> found) {
    NormalizedText blanked = text;
    for (Entity entity : found) {
      if (entity.type() == Entity.Type.PHONE) {
        blanked = blanked.withDigitsBlanked(entity.start(), entity.end());
      }
    }
    return blanked;
  }

  /** The rule languages whose rules a post in these languages is checked against. */
  private Set<String> routed(List<DetectedLanguage> detected) {
    return switch (settings.routing()) {
      case ALL_LANGUAGES -> PostFields.languages();
      case DETECTED_LANGUAGES -> PostFields.ruleLanguagesOf(detected);
    };
  }

  /**
   * The detected languages without {@code und}; if none, the hint as a language of full share and
   * no confidence.
   */
  private List<DetectedLanguage> detect(NormalizedText text, Optional<String> languageHint) {
    List<DetectedLanguage> detected =
        languageDetector.detect(text, languageHint).stream()
            .filter(language -> !language.code().equals("und"))
            .toList();
    if (detected.isEmpty() && languageHint.isPresent()) {
      return List.of(new DetectedLanguage(languageHint.get(), 1.0, 0.0));
    }
    return detected;
  }

  /**
   * Checks every rule against its own examples.
   *
   * @return the examples that a rule misses or wrongly matches, in rule order; empty when all hold
   */
  public List<ExampleFailure> exampleFailures() {
    List<ExampleFailure> failures = new ArrayList<>();
    for (Rule rule : rules) {
      // An example is written in its rule's language, even when it is too short for the
      // detector to tell: it is routed to the rule's language besides the detected ones.
      Set<String> language = Set.of(rule.language());
      for (String example : rule.shouldMatch()) {
        if (!matchingRuleIds(example, Optional.empty(), language).contains(rule.id())) {
          failures.add(new ExampleFailure(rule.id(), example, true));
        }
      }
      for (String example : rule.shouldNotMatch()) {
        if (matchingRuleIds(example, Optional.empty(), language).contains(rule.id())) {
          failures.add(new ExampleFailure(rule.id(), example, false));
        }
      }
    }
    return List.copyOf(failures);
  }

  /**
   * {@code rules-} and 12 hex digits of the rule set's content hash; the same rules give the same.
   */
  @Override
  public String ruleSetVersion() {
    return ruleSetVersion;
  }

  /** The rules in use, in the order given (rules in {@link #skippedRules()} are not included). */
  public List<Rule> rules() {
    return rules;
  }

  /** Rules given but left out, by id, with the reason; empty when every rule is in use. */
  public Map<String, String> skippedRules() {
    return compiled.skipped();
  }

  private static ExtractedEntity entity(Entity entity) {
    return new ExtractedEntity(
        ExtractedEntity.Type.valueOf(entity.type().name()),
        entity.value(),
        entity.normalized(),
        entity.start(),
        entity.end(),
        entity.attributes());
  }

  /** The settings this classifier scores with. */
  public ClassifierSettings settings() {
    return settings;
  }

  /** How many times a rule failed while matching a post, since this classifier was built. */
  public long matchErrors() {
    return matchErrors.get();
  }

  /** Releases the rule index. Classifying after close is not supported. */
  @Override
  public void close() throws IOException {
    compiled.close();
  }
}
