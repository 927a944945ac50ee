package org.crossingwatch.app.collect;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crossingwatch.app.ClusterOption;
import org.crossingwatch.collectors.CollectorRunner;
import org.crossingwatch.collectors.telegram.TelegramExportSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crossingwatch import telegram-export FILE}: publishes the messages of a Telegram Desktop
 * export to {@code cw.posts.raw} exactly once (a rerun resumes after the last published message),
 * with a progress line on the terminal.
 */
@Command(
    name = "telegram-export",
    mixinStandardHelpOptions = true,
    description = "Imports a Telegram Desktop export (result.json) into cw.posts.raw.")
public final class ImportTelegramExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The export's result.json.")
  Path file;

  @Mixin ClusterOption cluster;

  @Option(
      names = {"--source-id"},
      description = "The checkpoint key; default telegram-export:<file name>.")
  String sourceId;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new ParameterException(spec.commandLine(), "No such file: '" + file + "'");
    }
    PrintWriter out = spec.commandLine().getOut();
    String id = sourceId != null ? sourceId : "telegram-export:" + file.getFileName();
    TelegramExportSource source = new TelegramExportSource(file, id, Clock.systemUTC());
    try (CollectorRunner runner =
        CollectorRunner.builder(source).kafka(cluster.bootstrapServers()).batchSize(1000).build()) {
      runner.start();
      while (!runner.awaitTermination(Duration.ofMillis(500))) {
        out.print("\r" + progress(source.bytesRead(), source.fileSize(), runner.postsPublished()));
        out.flush();
      }
      out.println("\r" + progress(source.fileSize(), source.fileSize(), runner.postsPublished()));
      if (runner.failure().isPresent()) {
        spec.commandLine().getErr().println("Import failed: " + runner.failure().get());
        return 1;
      }
      out.println(
          "Imported "
              + file
              + ": "
              + runner.postsPublishedThisRun()
              + " new posts published, "
              + runner.postsPublished()
              + " in all");
      out.flush();
    }
    return 0;
  }

  static String progress(long bytesRead, long size, long posts) {
    double percent = size == 0 ? 100 : 100.0 * bytesRead / size;
    return String.format(
        Locale.ROOT,
        "%5.1f%%  %,d of %,d MB  %,d posts",
        percent,
        bytesRead >> 20,
        size >> 20,
        posts);
  }
}
