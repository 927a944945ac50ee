package org.crossingwatch.app.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crossingwatch.app.Home;
import org.crossingwatch.classifier.Classifier;
import org.crossingwatch.classifier.ClassifierSettings;
import org.crossingwatch.classifier.rules.RuleLoadException;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.classifier.scoring.ScoringModel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every classifier tool shares: which rules, which model, which threshold. */
final class ClassifierOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-r", "--rules"},
      paramLabel = "DIR",
      description = "Rule pack folder or file (default: rules/ of the installation).")
  Path rules;

  @Option(
      names = {"-m", "--model"},
      paramLabel = "FILE",
      description = "Scoring model JSON file (default: the model shipped in the classifier).")
  Path model;

  @Option(
      names = {"-t", "--threshold"},
      paramLabel = "X",
      description = "Alert threshold in [0,1] (default: the model's own threshold).")
  Double threshold;

  static Path home() {
    return Home.dir();
  }

  Path rulePath() {
    Path path = rules != null ? rules : home().resolve("rules");
    if (!Files.exists(path)) {
      throw new ParameterException(spec.commandLine(), "Rules not found: '" + path + "'");
    }
    return path;
  }

  ClassifierSettings settings() throws IOException {
    ScoringModel scoring = ScoringModel.shipped();
    if (model != null) {
      if (!Files.isRegularFile(model)) {
        throw new ParameterException(spec.commandLine(), "Model file not found: '" + model + "'");
      }
      try {
        scoring = ScoringModel.read(model);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, null);
      }
    }
    ClassifierSettings settings = ClassifierSettings.of(scoring);
    if (threshold != null) {
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new ParameterException(
            spec.commandLine(), "--threshold must be in [0,1], was " + threshold);
      }
      settings = settings.withAlertThreshold(threshold);
    }
    return settings;
  }

  /**
   * The classifier over the chosen rules, model and threshold.
   *
   * @throws RuleLoadException if the rules have problems (the caller reports them)
   */
  Classifier classifier() throws IOException, RuleLoadException {
    ClassifierSettings settings = settings();
    return Classifier.fromRules(RulePackLoader.load(rulePath()), settings);
  }

  static Path existingFile(CommandSpec spec, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ParameterException(spec.commandLine(), "Input file not found: '" + file + "'");
    }
    return file;
  }
}
