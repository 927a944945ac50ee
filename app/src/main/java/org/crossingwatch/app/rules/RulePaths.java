package org.crossingwatch.app.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crossingwatch.app.Home;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The rule files and folders a rules subcommand works on; the installation's rules/ by default. */
final class RulePaths {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Parameters(
      paramLabel = "PATHS",
      arity = "0..*",
      description = "Rule files or folders of rule files (default: rules/ of the installation).")
  List<Path> paths = new ArrayList<>();

  /**
   * The paths given, or the installation's {@code rules/}.
   *
   * @throws ParameterException when a path does not exist
   */
  List<Path> paths() {
    List<Path> chosen = paths.isEmpty() ? List.of(Home.dir().resolve("rules")) : paths;
    for (Path path : chosen) {
      if (!Files.exists(path)) {
        throw new ParameterException(spec.commandLine(), "Rules not found: '" + path + "'");
      }
    }
    return List.copyOf(chosen);
  }
}
