package org.crossingwatch.app.collect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code crossingwatch collect} refusing what it cannot run, before it connects anywhere. */
class CollectCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(Object command, String... args) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void collectWithAnInvalidConfigExitsWithTwoAndSaysWhereAndWhatIsWrong() throws Exception {
    Path config = dir.resolve("collectors.yaml");
    Files.writeString(
        config,
        """
        sources:
          - type: telegram
            name: rahlat
            channel: rahlat_europa
            pollInterval: soon
          - type: forum
            name: x
        """,
        UTF_8);

    int exit =
        execute(
            new CollectCommand(),
            "--config",
            config.toString(),
            "--bootstrap-servers",
            "127.0.0.1:9");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            String.join(
                "\n",
                "Invalid config:",
                "collectors.yaml:5:19: sources[0].pollInterval: 'soon' is not a positive duration"
                    + " like 500ms, 30s, 5m, 2h or 1d",
                "collectors.yaml:6:11: sources[1].type: unknown source type 'forum', expected one"
                    + " of feed, jsonl, mastodon, telegram, telegram-export, web",
                ""));
    assertThat(out.toString()).isEmpty();
  }
}
