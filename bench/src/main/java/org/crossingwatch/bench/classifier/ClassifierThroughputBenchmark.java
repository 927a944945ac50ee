package org.crossingwatch.bench.classifier;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.crossingwatch.classifier.Classifier;
import org.crossingwatch.classifier.ClassifierSettings;
import org.crossingwatch.classifier.LanguageRouting;
import org.crossingwatch.classifier.analysis.PostFields;
import org.crossingwatch.classifier.evaluation.LabelledPost;
import org.crossingwatch.classifier.internal.CompiledRuleSet;
import org.crossingwatch.classifier.language.LanguageDetector;
import org.crossingwatch.classifier.normalize.NormalizedText;
import org.crossingwatch.classifier.normalize.Normalizer;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Rule;
import org.crossingwatch.model.Verdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Posts per second, one thread, over the corpus posts in turn, for the shipped rule packs and
 * 1,000, 10,000 and 100,000 generated rules:
 *
 * <ul>
 *   <li>{@code classify}: {@link Classifier#classify} with {@link
 *       LanguageRouting#DETECTED_LANGUAGES} (normalise, detect, analyse, match, entities, score);
 *   <li>{@code matchRouted}: rule matching alone in the classifier's rule set (one field per
 *       analysis chain, language routing, spans of the matched rules), on posts normalised and
 *       routed beforehand;
 *   <li>{@code matchStockMonitor}: the baseline, a stock Lucene Monitor (default presearcher, one
 *       ICU-folded field, no routing) over the same rules and normalised posts.
 * </ul>
 *
 * Warm-up is 20 s because Lucene Monitor reaches full speed only after 10-20 s of matching.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g"})
@Threads(1)
public class ClassifierThroughputBenchmark {
  @Param({"shipped", "1000", "10000", "100000"})
  public String rules;

  private Post[] posts;
  private NormalizedText[] normalized;
  private List<Set<String>> routes;
  private Classifier classifier;
  private CompiledRuleSet ruleSet;
  private StockMonitor stock;
  private int next;

  @Setup(Level.Trial)
  public void compile() throws IOException {
    List<LabelledPost> corpus = BenchCorpus.posts();
    List<Rule> ruleList = BenchCorpus.rules(rules, corpus);
    classifier =
        Classifier.fromRules(
            ruleList,
            ClassifierSettings.defaults().withRouting(LanguageRouting.DETECTED_LANGUAGES));
    ruleSet = CompiledRuleSet.compile(ruleList);
    stock = new StockMonitor(ruleList);
    posts = corpus.stream().map(LabelledPost::toPost).toArray(Post[]::new);
    normalized = new NormalizedText[posts.length];
    routes = new ArrayList<>();
    LanguageDetector detector = LanguageDetector.shipped();
    for (int i = 0; i < posts.length; i++) {
      normalized[i] = Normalizer.normalize(posts[i].text());
      routes.add(PostFields.ruleLanguagesOf(detector.detect(posts[i].text(), Optional.empty())));
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    classifier.close();
    ruleSet.close();
    stock.close();
  }

  private int nextPost() {
    next = next + 1 == posts.length ? 0 : next + 1;
    return next;
  }

  @Benchmark
  public Verdict classify() {
    return classifier.classify(posts[nextPost()]);
  }

  @Benchmark
  public CompiledRuleSet.Matches matchRouted() {
    int i = nextPost();
    return ruleSet.match(normalized[i], routes.get(i));
  }

  @Benchmark
  public int matchStockMonitor() throws IOException {
    return stock.matches(normalized[nextPost()].text());
  }
}
