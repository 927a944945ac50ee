package org.crossingwatch.app;

import org.crossingwatch.app.classify.EvaluateCommand;
import org.crossingwatch.app.classify.ScoreCommand;
import org.crossingwatch.app.classify.TrainCommand;
import org.crossingwatch.app.collect.CollectCommand;
import org.crossingwatch.app.collect.ImportCommand;
import org.crossingwatch.app.console.ConsoleCommand;
import org.crossingwatch.app.console.UsersCommand;
import org.crossingwatch.app.deliver.DeliverCommand;
import org.crossingwatch.app.process.ProcessCommand;
import org.crossingwatch.app.rules.RulesCommand;
import org.crossingwatch.app.run.RunCommand;
import org.crossingwatch.app.topics.TopicsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code crossingwatch} command line: one subcommand per role or tool. */
@Command(
    name = "crossingwatch",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Finds online advertisements for migrant smuggling in streams of public posts.",
    subcommands = {
      RunCommand.class,
      ProcessCommand.class,
      ConsoleCommand.class,
      UsersCommand.class,
      ScoreCommand.class,
      EvaluateCommand.class,
      TrainCommand.class,
      RulesCommand.class,
      TopicsCommand.class,
      CollectCommand.class,
      ImportCommand.class,
      DeliverCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CrossingWatch {

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for {@link #main} and for tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new CrossingWatch()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
