package org.crossingwatch.bench.classifier;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.TokenStream;
import org.crossingwatch.classifier.analysis.PostFields;
import org.crossingwatch.classifier.evaluation.LabelledPost;
import org.crossingwatch.classifier.language.LanguageDetector;
import org.crossingwatch.classifier.normalize.Normalizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Posts per second, one thread, for analysis alone: normalise, detect the languages, and run the
 * post through the analyzers of the fallback and neutral fields and of each field of its routed
 * languages (one per distinct analysis chain), as matching does before it looks at any rule when
 * the rules read all of these fields.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@Threads(1)
public class AnalysisThroughputBenchmark {
  private String[] texts;
  private int next;
  private final LanguageDetector detector = LanguageDetector.shipped();

  @Setup
  public void readPosts() {
    texts = BenchCorpus.posts().stream().map(LabelledPost::text).toArray(String[]::new);
  }

  @Benchmark
  public int analyse() throws IOException {
    next = next + 1 == texts.length ? 0 : next + 1;
    String text = texts[next];
    String normalized = Normalizer.normalize(text).text();
    Set<String> languages = PostFields.ruleLanguagesOf(detector.detect(text, Optional.empty()));
    Set<String> fields =
        new TreeSet<>(List.of(PostFields.FALLBACK_FIELD, PostFields.NEUTRAL_FIELD));
    for (String language : languages) {
      fields.add(PostFields.fieldOf(language));
    }
    int tokens = 0;
    for (String field : fields) {
      tokens += count(field, normalized);
    }
    return tokens;
  }

  private static int count(String field, String text) throws IOException {
    int tokens = 0;
    try (TokenStream stream = PostFields.analyzer().tokenStream(field, text)) {
      stream.reset();
      while (stream.incrementToken()) {
        tokens++;
      }
      stream.end();
    }
    return tokens;
  }
}
