package org.crossingwatch.app.rules;

import picocli.CommandLine.Command;

/** {@code crossingwatch rules}: the analysts' rule workflow, one subcommand per step. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Lints, tests, backtests and publishes rule packs; per-rule statistics.",
    subcommands = {
      RulesLintCommand.class,
      RulesTestCommand.class,
      RulesPushCommand.class,
      RulesBacktestCommand.class,
      RulesStatsCommand.class
    })
public final class RulesCommand {}
