package org.crossingwatch.bench.classifier;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;
import org.crossingwatch.classifier.evaluation.LabelledPost;
import org.crossingwatch.classifier.internal.CompiledRuleSet;
import org.crossingwatch.model.Rule;

/**
 * Time to compile a rule set and the heap it holds, for the shipped packs and 1,000, 10,000 and
 * 100,000 generated rules: a small measured main, not JMH (one compile per size is the quantity,
 * and the heap is read after full garbage collections). Prints one Markdown table row per size.
 */
public final class RuleSetFootprint {
  private RuleSetFootprint() {}

  public static void main(String[] args) throws Exception {
    List<LabelledPost> corpus = BenchCorpus.posts();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.out.println("| rules | compiled | compile time (s) | heap held (MB) |");
    System.out.println("|---|---:|---:|---:|");
    for (String size : List.of("shipped", "1000", "10000", "100000")) {
      List<Rule> rules = BenchCorpus.rules(size, corpus);
      long before = usedAfterGc(memory);
      long start = System.nanoTime();
      try (CompiledRuleSet compiled = CompiledRuleSet.compile(rules)) {
        double seconds = (System.nanoTime() - start) / 1e9;
        long held = usedAfterGc(memory) - before;
        System.out.printf(
            Locale.ROOT,
            "| %s | %d | %.2f | %.1f |%n",
            size,
            compiled.rules().size(),
            seconds,
            held / (1024.0 * 1024.0));
      }
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
