package org.crossingwatch.app.classify;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crossingwatch.classifier.Classifier;
import org.crossingwatch.classifier.ClassifierSettings;
import org.crossingwatch.classifier.evaluation.LabelledCorpus;
import org.crossingwatch.classifier.rules.RuleLoadException;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.classifier.scoring.LogisticRegression;
import org.crossingwatch.classifier.scoring.ModelTrainer;
import org.crossingwatch.classifier.scoring.ScoringModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crossingwatch train}: fits the scoring model's weights on the training split with the
 * current rules and writes the versioned model file.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Learns the scoring weights from labelled posts and writes the model file.")
public final class TrainCommand implements Callable<Integer> {
  /** Where the shipped model lives, relative to the installation folder. */
  static final String SHIPPED_MODEL =
      "classifier/src/main/resources/org/crossingwatch/classifier/model/scoring-v1.json";

  @Spec CommandSpec spec;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "FILE",
      description = "Labelled training posts (default: data/corpus/train.jsonl).")
  Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Where to write the model (default: the classifier's shipped scoring-v1.json).")
  Path output;

  @Option(
      names = {"-r", "--rules"},
      paramLabel = "DIR",
      description = "Rule pack folder or file (default: rules/ of the installation).")
  Path rules;

  @Option(
      names = {"-t", "--threshold"},
      paramLabel = "X",
      defaultValue = "0.5",
      description = "Alert threshold written into the model (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = {"--l2"},
      paramLabel = "LAMBDA",
      defaultValue = "0.001",
      description = "L2 penalty on the weights (default: ${DEFAULT-VALUE}).")
  double l2;

  @Option(
      names = {"--iterations"},
      paramLabel = "N",
      defaultValue = "20000",
      description = "Gradient descent passes over the data (default: ${DEFAULT-VALUE}).")
  int iterations;

  private final Clock clock;

  /** A command that dates models by the system clock. */
  public TrainCommand() {
    this(Clock.systemUTC());
  }

  TrainCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws IOException {
    Path home = ClassifierOptions.home();
    Path in =
        ClassifierOptions.existingFile(
            spec, input != null ? input : home.resolve("data/corpus/train.jsonl"));
    Path out = output != null ? output : home.resolve(SHIPPED_MODEL);
    Path rulePath = rules != null ? rules : home.resolve("rules");
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new ParameterException(
          spec.commandLine(), "--threshold must be in [0,1], was " + threshold);
    }
    LogisticRegression regression;
    try {
      regression = new LogisticRegression(l2, 0.1, iterations);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LabelledCorpus corpus = LabelledCorpus.read(in);
    corpus.problems().forEach(problem -> err.println(problem + "; skipped"));
    if (corpus.posts().isEmpty()) {
      err.println("No labelled posts in " + in);
      return 1;
    }
    ScoringModel model;
    try (Classifier classifier =
        Classifier.fromRules(
            RulePackLoader.load(rulePath),
            ClassifierSettings.of(ScoringModel.ruleWeights(-3.0, threshold)))) {
      model = ModelTrainer.train(classifier, corpus, regression, threshold, clock);
    } catch (RuleLoadException e) {
      err.println("Rules did not load:\n" + e.getMessage());
      return 2;
    }
    model.write(out);
    stdout.printf(
        Locale.ROOT,
        "Trained %s on %d posts of %s (sha256 %s)%n",
        model.version(),
        model.trainingPosts(),
        in,
        model.corpusSha256().substring(0, 12));
    stdout.printf(Locale.ROOT, "  %-20s %+8.3f%n", ScoringModel.BIAS, model.bias());
    for (int i = 0; i < model.features().size(); i++) {
      stdout.printf(
          Locale.ROOT, "  %-20s %+8.3f%n", model.features().get(i), model.weights().get(i));
    }
    stdout.println("Wrote " + out);
    stdout.flush();
    return 0;
  }
}
