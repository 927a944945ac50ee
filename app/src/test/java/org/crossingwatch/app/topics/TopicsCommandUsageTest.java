package org.crossingwatch.app.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.crossingwatch.app.CrossingWatch;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code topics} command's user errors and help, which need no broker. */
class TopicsCommandUsageTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** The main command line with {@code topics} on it and the given output writers. */
  static CommandLine commandLine(StringWriter out, StringWriter err) {
    CommandLine commandLine = CrossingWatch.commandLine();
    // The lead registers TopicsCommand on the main command; until then the tests add it.
    if (!commandLine.getSubcommands().containsKey("topics")) {
      commandLine.addSubcommand(new TopicsCommand());
    }
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine;
  }

  private int execute(String... args) {
    return commandLine(out, err).execute(args);
  }

  @Test
  void topicsWithoutASubcommandAsksForApply() {
    assertThat(execute("topics")).isEqualTo(2);
    assertThat(err.toString()).startsWith("Missing required subcommand: apply");
  }

  @Test
  void zeroPartitionsIsAUserErrorNamingTheFirstTopic() {
    assertThat(execute("topics", "apply", "-b", "127.0.0.1:1", "--partitions", "0")).isEqualTo(2);
    assertThat(err.toString()).startsWith("Topic cw.posts.raw needs at least 1 partition, was 0");
  }

  @Test
  void applyWithoutBootstrapServersIsAUserError() {
    assertThat(execute("topics", "apply")).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("Missing required option: '--bootstrap-servers=<bootstrapServers>'");
  }

  @Test
  void applyHelpDescribesEveryOption() {
    assertThat(execute("topics", "apply", "--help")).isZero();
    assertThat(out.toString())
        .contains("--bootstrap-servers")
        .contains("--partitions")
        .contains("--replication-factor")
        .contains("--command-config")
        .contains("--dry-run");
  }
}
