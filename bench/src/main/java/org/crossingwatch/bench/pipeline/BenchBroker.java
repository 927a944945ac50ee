package org.crossingwatch.bench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.utils.Utils;
import org.crossingwatch.app.broker.EmbeddedKafkaBroker;

/**
 * The embedded broker alone in a process of its own, for {@code PipelineBenchmark
 * --bootstrap-servers}: run under {@code taskset} on other vCPUs than the benchmark, it measures
 * the pipeline with the broker off its CPUs, as a broker cluster is in production. Prints the
 * bootstrap servers on the first line of standard output, then runs until killed; its data
 * directory is a new temporary one, deleted at exit.
 */
public final class BenchBroker {
  private BenchBroker() {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("cw-bench-broker");
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  try {
                    Utils.delete(work.toFile());
                  } catch (IOException e) {
                    System.err.println("Could not delete " + work + ": " + e.getMessage());
                  }
                  stopped.countDown();
                },
                "bench-broker-shutdown"));
    System.out.println(broker.bootstrapServers());
    System.out.flush();
    stopped.await();
  }
}
