package org.crossingwatch.app.rules;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.crossingwatch.app.CrossingWatch;
import picocli.CommandLine;

/** Runs {@code crossingwatch} in-process and keeps what it printed. */
record Cli(int exitCode, String out, String err) {
  static Cli run(String... args) {
    return run(CrossingWatch.commandLine(), args);
  }

  static Cli run(CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Cli(code, out.toString(), err.toString());
  }
}
