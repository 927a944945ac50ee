package org.crossingwatch.bench.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.crossingwatch.classifier.PostClassifier;
import org.crossingwatch.model.Post;

/** The classifier on its own, on as many threads as the pipeline gets: the ceiling. */
final class ClassifierAlone {
  private ClassifierAlone() {}

  /**
   * @param perSecond posts classified per second over all threads
   * @param alerting how many of the posts alert, so the pipeline's alert records can be awaited
   * @param cpuMillisPerPost CPU time of the whole JVM per post while classifying
   */
  record Result(double perSecond, long alerting, double cpuMillisPerPost) {}

  /**
   * Classifies {@code warmUpPosts} posts (cycling through {@code posts}) untimed, then every post
   * once on {@code threads} threads, timed. The warm-up should match the full pipeline's, so both
   * are measured with the JIT equally far along.
   */
  static Result measure(PostClassifier classifier, List<Post> posts, int threads, int warmUpPosts)
      throws InterruptedException {
    for (int i = 0; i < warmUpPosts; i++) {
      classifier.classify(posts.get(i % posts.size()));
    }
    AtomicLong alerting = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    long cpuStart = ProcessCpu.nanos();
    for (int t = 0; t < threads; t++) {
      int first = t;
      Thread worker =
          new Thread(
              () -> {
                for (int i = first; i < posts.size(); i += threads) {
                  if (classifier.classify(posts.get(i)).alert()) {
                    alerting.incrementAndGet();
                  }
                }
              },
              "bench-classifier-" + t);
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMillis = (ProcessCpu.nanos() - cpuStart) / 1e6;
    return new Result(posts.size() / seconds, alerting.get(), cpuMillis / posts.size());
  }
}
