package org.crossingwatch.classifier.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossingwatch.classifier.TestRules.offer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.crossingwatch.classifier.analysis.PostFields;
import org.crossingwatch.classifier.evaluation.LabelledCorpus;
import org.crossingwatch.classifier.evaluation.LabelledPost;
import org.crossingwatch.classifier.internal.CompiledRuleSet;
import org.crossingwatch.classifier.internal.RuleQueryParser;
import org.crossingwatch.classifier.language.LanguageDetector;
import org.crossingwatch.classifier.normalize.NormalizedText;
import org.crossingwatch.classifier.normalize.Normalizer;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.model.Rule;
import org.junit.jupiter.api.Test;

/**
 * The rule set's fast matching finds what plain Lucene Monitor matching finds: for every corpus
 * post, in both language routings, the same rules with the same spans as a Monitor with the stock
 * presearcher (language filter field), Monitor's own highlighter and the post indexed in the
 * fallback and neutral fields and the field of every routed language.
 */
class MatchingEquivalenceTest {
  /** Rules that read several fields, negate across fields, use wildcards and any-language words. */
  private static final List<Rule> EXTRA =
      List.of(
          offer("x.en.neg", "en", "boat AND NOT 3000"),
          offer("x.en.neutral", "en", "\"boat emoji_boat\" OR (passage AND 2500)"),
          offer("x.any.flag", "any", "flag_it OR flag_gr"),
          offer("x.fr.wild", "fr", "passag* AND (itali* OR lampedusa)"),
          offer("x.ar.phrase", "ar", "\"من زوارة\"~2"),
          offer("x.ru.wild", "ru", "переправ* OR грец*"),
          offer("x.tr.neg", "tr", "yunanistan -haber"));

  @Test
  void shippedRulesMatchTheSameRulesAndSpansAsPlainMonitorMatching() throws Exception {
    List<Rule> rules = new ArrayList<>(RulePackLoader.load(ProjectFiles.rules()));
    rules.addAll(EXTRA);
    List<LabelledPost> posts = new ArrayList<>();
    for (String split : List.of("train.jsonl", "dev.jsonl")) {
      posts.addAll(LabelledCorpus.read(ProjectFiles.corpus().resolve(split)).posts());
    }
    LanguageDetector detector = LanguageDetector.shipped();
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    int matched = 0;
    try (CompiledRuleSet fast = CompiledRuleSet.compile(rules);
        Monitor plain = plainMonitor(rules)) {
      for (LabelledPost post : posts) {
        NormalizedText text = Normalizer.normalize(post.text());
        Set<String> detected =
            PostFields.ruleLanguagesOf(detector.detect(post.text(), Optional.empty()));
        for (Set<String> routed : List.of(PostFields.languages(), detected)) {
          List<String> reference = plainMatches(plain, text, routed);
          matched += reference.size();
          expected.add(post.id() + " " + reference);
          actual.add(post.id() + " " + fastMatches(fast, text, routed));
        }
      }
    }
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(matched).isGreaterThan(posts.size());
  }

  private static List<String> fastMatches(
      CompiledRuleSet ruleSet, NormalizedText text, Set<String> routed) {
    CompiledRuleSet.Matches matches = ruleSet.match(text, routed);
    assertThat(matches.errors()).isEmpty();
    List<String> found = new ArrayList<>();
    for (CompiledRuleSet.RuleMatch match : matches.matches()) {
      found.add(match.rule().id() + match.spans());
    }
    found.sort(null);
    return found;
  }

  private static List<String> plainMatches(Monitor monitor, NormalizedText text, Set<String> routed)
      throws IOException {
    Set<String> fields = new TreeSet<>(Set.of(PostFields.FALLBACK_FIELD, PostFields.NEUTRAL_FIELD));
    Document doc = new Document();
    doc.add(new StringField(PostFields.LANGUAGE_FIELD, PostFields.ANY, Field.Store.NO));
    for (String language : routed) {
      fields.add(PostFields.fieldOf(language));
      doc.add(new StringField(PostFields.LANGUAGE_FIELD, language, Field.Store.NO));
    }
    for (String field : fields) {
      doc.add(new TextField(field, text.text(), Field.Store.NO));
    }
    var result = monitor.match(doc, HighlightsMatch.MATCHER);
    assertThat(result.getErrors()).isEmpty();
    List<String> found = new ArrayList<>();
    for (HighlightsMatch match : result.getMatches()) {
      Set<CompiledRuleSet.Span> spans = new TreeSet<>();
      for (String field : match.getFields()) {
        for (HighlightsMatch.Hit hit : match.getHits(field)) {
          if (hit.startOffset >= 0 && hit.endOffset >= hit.startOffset) {
            int[] range = text.originalRange(hit.startOffset, hit.endOffset);
            spans.add(new CompiledRuleSet.Span(range[0], range[1]));
          }
        }
      }
      found.add(match.getQueryId() + List.copyOf(spans));
    }
    found.sort(null);
    return found;
  }

  private static Monitor plainMonitor(List<Rule> rules) throws Exception {
    Monitor monitor =
        new Monitor(
            PostFields.analyzer(),
            new TermFilteredPresearcher(
                TermFilteredPresearcher.DEFAULT_WEIGHTOR,
                List.of(),
                Set.of(PostFields.LANGUAGE_FIELD)));
    RuleQueryParser parser = new RuleQueryParser();
    List<MonitorQuery> queries = new ArrayList<>();
    for (Rule rule : rules) {
      queries.add(
          new MonitorQuery(
              rule.id(),
              parser.parse(rule.query(), rule.language()),
              rule.query(),
              Map.of(PostFields.LANGUAGE_FIELD, PostFields.routingValue(rule.language()))));
    }
    monitor.register(queries);
    return monitor;
  }
}
