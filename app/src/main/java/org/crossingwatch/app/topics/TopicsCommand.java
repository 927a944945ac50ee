package org.crossingwatch.app.topics;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crossingwatch topics}: the topic plan's commands; on its own it asks for one. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = "Creates and checks the Kafka topics CrossingWatch uses.",
    subcommands = {TopicsApplyCommand.class})
public final class TopicsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand: apply");
  }
}
