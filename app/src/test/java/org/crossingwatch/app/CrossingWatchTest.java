package org.crossingwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CrossingWatchTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine commandLine = CrossingWatch.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void helpListsTheRunCommand() {
    assertThat(execute("--help")).isZero();
    assertThat(out.toString()).contains("Usage: crossingwatch").contains("run");
  }

  @Test
  void runHelpDescribesEveryOption() {
    assertThat(execute("run", "--help")).isZero();
    assertThat(out.toString())
        .contains("--data-dir")
        .contains("--bootstrap-servers")
        .contains("--rules")
        .contains("--input")
        .contains("--http-port")
        .contains("--threshold");
  }

  @Test
  void missingInputFileIsAUserErrorWithItsPath() {
    assertThat(execute("run", "--rules", ".", "--input", "no/such/posts.jsonl")).isEqualTo(2);
    assertThat(err.toString()).contains("Input file not found: no/such/posts.jsonl");
  }

  @Test
  void thresholdOutsideTheUnitIntervalIsRejected() {
    assertThat(execute("run", "--threshold", "1.5", "--rules", ".", "--input", "pom.xml"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--threshold must be in [0,1], was 1.5");
  }

  @Test
  void unknownSubcommandIsRejected() {
    assertThat(execute("fly")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument at index 0: 'fly'");
  }
}
