package org.crossingwatch.classifier.internal;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.search.Query;
import org.crossingwatch.classifier.analysis.PostFields;
import org.crossingwatch.classifier.normalize.NormalizedText;
import org.crossingwatch.classifier.rules.Category;
import org.crossingwatch.model.Rule;

/**
 * Rules compiled into a Lucene {@link Monitor}: every usable rule is a {@link MonitorQuery} (id = a
 * compact key, {@link RuleKeys}; no metadata) on the field of its language ({@link PostFields}),
 * found by Lucene Monitor's term-filtering presearcher ({@link TermSetPresearcher}) and routed by
 * language: a post is only checked against the rules of the languages it is written in and the
 * rules of language {@value PostFields#ANY} (each candidate's language found by its key, {@link
 * RuleRouting}, see {@link SpansMatch#matcher}), and indexed only in the fields those rules read
 * ({@link RoutedFields}). A rule that cannot be used (unknown category, weight outside [-5, 5], a
 * query that does not parse, an id seen before) is left out and listed in {@link #skipped()}; the
 * others still work. Matching is thread-safe; errors of single rules at match time are returned,
 * never thrown.
 */
public final class CompiledRuleSet implements Closeable {
  private static final int PASSES = 2;

  private final Monitor monitor;
  private final TermDictionary dictionary;
  private final RuleKeys keys;
  private final RuleRouting routing;

  /** The rules as given, by position: a Monitor query id is the key of a position here. */
  private final List<Rule> byPosition;

  private final Map<String, Rule> rulesById;
  private final Map<String, String> skipped;
  private final RoutedFields routedFields;

  private CompiledRuleSet(
      Monitor monitor,
      TermDictionary dictionary,
      RuleKeys keys,
      RuleRouting routing,
      List<Rule> byPosition,
      Map<String, Rule> rulesById,
      Map<String, String> skipped,
      RoutedFields routedFields) {
    this.monitor = monitor;
    this.dictionary = dictionary;
    this.keys = keys;
    this.routing = routing;
    this.byPosition = byPosition;
    this.routedFields = routedFields;
    this.rulesById = Collections.unmodifiableMap(rulesById);
    this.skipped = Collections.unmodifiableMap(skipped);
  }

  /**
   * Compiles rules; never fails because of one rule.
   *
   * @param rules the rules, in the order hits should be listed
   */
  public static CompiledRuleSet compile(List<Rule> rules) {
    requireNonNull(rules, "rules");
    List<Rule> byPosition = List.copyOf(rules);
    RuleKeys keys = RuleKeys.forCount(byPosition.size());
    RuleRouting routing = new RuleRouting(keys, byPosition.size());
    RuleQueryParser parser = new RuleQueryParser();
    Map<String, Rule> accepted = new LinkedHashMap<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    List<MonitorQuery> queries = new ArrayList<>();
    RoutedFields routedFields = new RoutedFields(allFields());
    for (int position = 0; position < byPosition.size(); position++) {
      Rule rule = byPosition.get(position);
      String problem = problem(rule, accepted);
      if (problem == null) {
        try {
          Query query = parser.parse(rule.query(), rule.language());
          queries.add(monitorQuery(keys.of(position), rule, query));
          routing.set(position, PostFields.routingValue(rule.language()));
          routedFields.add(PostFields.routingValue(rule.language()), query);
          accepted.put(rule.id(), rule);
        } catch (QuerySyntaxException e) {
          problem =
              String.format(
                  Locale.ROOT,
                  "query does not parse at %d:%d: %s",
                  e.line(),
                  e.column(),
                  e.getMessage());
        }
      }
      if (problem != null) {
        skipped.putIfAbsent(rule.id(), problem);
      }
    }
    Monitor monitor;
    TermDictionary dictionary = new TermDictionary();
    try {
      MonitorConfiguration configuration = new RuleIndexConfiguration(queries.size(), dictionary);
      // Two passes: a rule needs two of its terms in a post to be a candidate; most that one
      // term selected could not match, and each cost Monitor's per-candidate work.
      monitor = new Monitor(PostFields.analyzer(), new TermSetPresearcher(PASSES), configuration);
      register(
          monitor, queries, key -> byPosition.get(keys.positionOf(key)).id(), accepted, skipped);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the in-memory rule index", e);
    }
    return new CompiledRuleSet(
        monitor, dictionary, keys, routing, byPosition, accepted, skipped, routedFields);
  }

  /** Every field a post can be indexed in. */
  static Set<String> allFields() {
    Set<String> fields = new TreeSet<>();
    fields.add(PostFields.FALLBACK_FIELD);
    fields.add(PostFields.NEUTRAL_FIELD);
    PostFields.languages().forEach(language -> fields.add(PostFields.fieldOf(language)));
    return fields;
  }

  private static String problem(Rule rule, Map<String, Rule> accepted) {
    if (accepted.containsKey(rule.id())) {
      return "duplicate id";
    }
    if (Category.byId(rule.category()).isEmpty()) {
      return "unknown category '" + rule.category() + "'";
    }
    if (rule.weight() < -5.0 || rule.weight() > 5.0) {
      return "weight " + rule.weight() + " is out of range [-5, 5]";
    }
    return null;
  }

  /**
   * The rule as Monitor holds it, under its key and without metadata: matching finds a candidate's
   * rule, language and category by its key ({@link RuleKeys}, {@link RuleRouting}).
   */
  private static MonitorQuery monitorQuery(String key, Rule rule, Query query) {
    return new MonitorQuery(key, query, rule.query(), Map.of());
  }

  /** Registers all at once; if that fails, one by one so only the bad rule is left out. */
  private static void register(
      Monitor monitor,
      List<MonitorQuery> queries,
      Function<String, String> ruleIdOfKey,
      Map<String, Rule> accepted,
      Map<String, String> skipped)
      throws IOException {
    try {
      monitor.register(queries);
      return;
    } catch (RuntimeException | IOException batchFailure) {
      monitor.clear();
    }
    for (MonitorQuery query : queries) {
      try {
        monitor.register(query);
      } catch (RuntimeException | IOException e) {
        String ruleId = ruleIdOfKey.apply(query.getId());
        accepted.remove(ruleId);
        skipped.put(ruleId, "cannot be indexed for matching: " + e);
      }
    }
  }

  /** The usable rules by id, in the order given. */
  public Map<String, Rule> rules() {
    return rulesById;
  }

  /** Rules left out, by id, with the reason. */
  public Map<String, String> skipped() {
    return skipped;
  }

  /**
   * Matches one normalised text against the rules of its languages and of {@value PostFields#ANY},
   * with the spans each rule matched.
   *
   * @param languages the rule languages of the post ({@link PostFields#ruleLanguagesOf}); codes
   *     without their own field are ignored, so an empty set checks only the {@code any} rules
   * @return the matches, in rule order, and the rules that failed on this text
   */
  public Matches match(NormalizedText text, Collection<String> languages) {
    MatchingQueries<SpansMatch> result = matchRouted(text, languages);
    List<SpansMatch> found = new ArrayList<>(result.getMatches());
    found.sort(Comparator.comparing(SpansMatch::getQueryId));
    List<RuleMatch> matches = new ArrayList<>(found.size());
    for (SpansMatch match : found) {
      Rule rule = ruleOf(match.getQueryId());
      Set<Span> spans = new TreeSet<>();
      for (SpansMatch.Hit hit : match.hits()) {
        if (hit.startOffset() >= 0 && hit.endOffset() >= hit.startOffset()) {
          int[] range = text.originalRange(hit.startOffset(), hit.endOffset());
          spans.add(new Span(range[0], range[1]));
        }
      }
      matches.add(new RuleMatch(rule, List.copyOf(spans)));
    }
    Map<String, Exception> errors = new HashMap<>();
    result.getErrors().forEach((key, error) -> errors.put(ruleOf(key).id(), error));
    return new Matches(List.copyOf(matches), Map.copyOf(errors));
  }

  /** The rule registered under this key; keys sort as the rules' positions do. */
  private Rule ruleOf(String key) {
    return byPosition.get(keys.positionOf(key));
  }

  /**
   * The ids of the rules that match the text, without spans: for checking rule examples.
   *
   * @param languages as for {@link #match(NormalizedText, Collection)}
   */
  public Set<String> matchingIds(NormalizedText text, Collection<String> languages) {
    Set<String> ids = new TreeSet<>();
    matchRouted(text, languages)
        .getMatches()
        .forEach(match -> ids.add(ruleOf(match.getQueryId()).id()));
    return Collections.unmodifiableSet(ids);
  }

  private MatchingQueries<SpansMatch> matchRouted(
      NormalizedText text, Collection<String> languages) {
    Set<String> routed = new TreeSet<>();
    routed.add(PostFields.ANY);
    for (String language : languages) {
      PostFields.ruleLanguageOf(language).ifPresent(routed::add);
    }
    try {
      return monitor.match(
          document(text.text(), routedFields.readBy(routed)),
          SpansMatch.matcher(routing.keysRoutedTo(routed), dictionary));
    } catch (IOException e) {
      throw new UncheckedIOException("In-memory matching failed", e);
    }
  }

  /**
   * The post as Lucene sees it: the same normalised text in each of these fields. Only the fields
   * that the rules of the post's languages read ({@link RoutedFields}) are needed; the others
   * cannot change what matches.
   */
  static Document document(String normalized, Set<String> fields) {
    Document doc = new Document();
    for (String field : fields) {
      doc.add(new TextField(field, normalized, Field.Store.NO));
    }
    return doc;
  }

  @Override
  public void close() throws IOException {
    monitor.close();
  }

  /** A span of the original text, {@code [start, end)} in UTF-16 chars. */
  public record Span(int start, int end) implements Comparable<Span> {
    @Override
    public int compareTo(Span other) {
      return start != other.start
          ? Integer.compare(start, other.start)
          : Integer.compare(end, other.end);
    }
  }

  /** One matched rule with the spans of the original text it matched (may be empty). */
  public record RuleMatch(Rule rule, List<Span> spans) {}

  /**
   * The result of matching one text.
   *
   * @param matches matched rules, in rule order
   * @param errors rule id to the exception that rule threw on this text
   */
  public record Matches(List<RuleMatch> matches, Map<String, Exception> errors) {}
}
