package org.crossingwatch.app.rules;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.crossingwatch.app.ClusterOption;
import org.crossingwatch.console.rulestats.RuleStatistics;
import org.crossingwatch.console.rulestats.RuleStats;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Decision;
import org.crossingwatch.model.InvalidJsonException;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crossingwatch rules stats -b HOST:PORT [--since 7d] [--sort precision|volume]}: per rule,
 * the posts it hit among the window's alerts, the alerts it contributed to, the officers' decisions
 * on them and its precision, from {@code cw.alerts} and {@code cw.feedback} ({@link
 * RuleStatistics}, the same computation as the console's rules page and the metric).
 */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Per-rule hits, alerts, decisions and precision from cw.alerts and cw.feedback.")
public final class RulesStatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClusterOption cluster;

  @Option(
      names = {"-s", "--since"},
      paramLabel = "WINDOW",
      defaultValue = "7d",
      converter = WindowConverter.class,
      description = "Alerts last seen in this window: 7d, 12h, P30D (default: ${DEFAULT-VALUE}).")
  Duration since;

  @Option(
      names = {"--sort"},
      defaultValue = "volume",
      description = "Row order: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  RuleStatistics.Order sort;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, Alert> alerts = new LinkedHashMap<>();
    List<Decision> decisions = new ArrayList<>();
    int skipped = 0;
    for (ConsumerRecord<String, byte[]> r :
        TopicSnapshot.read(cluster.bootstrapServers(), Topics.ALERTS, Optional.empty())) {
      try {
        if (r.value() == null) {
          alerts.remove(r.key());
        } else {
          alerts.put(r.key(), Json.read(r.value(), Alert.class));
        }
      } catch (InvalidJsonException e) {
        skipped++;
      }
    }
    for (ConsumerRecord<String, byte[]> r :
        TopicSnapshot.read(cluster.bootstrapServers(), Topics.FEEDBACK, Optional.empty())) {
      try {
        decisions.add(Json.read(r.value(), Decision.class));
      } catch (InvalidJsonException | NullPointerException e) {
        skipped++;
      }
    }
    if (skipped > 0) {
      err.printf("%d records were not valid JSON and were skipped%n", skipped);
    }
    Instant until = clock.instant().plusSeconds(1);
    List<RuleStats> rows =
        RuleStatistics.compute(alerts.values(), decisions, until.minus(since), until, sort);
    out.printf(
        Locale.ROOT,
        "%d rules matched %d alerts last seen in the last %s%n",
        rows.size(),
        alerts.values().stream().filter(a -> !a.lastSeen().isBefore(until.minus(since))).count(),
        since);
    out.println("| rule | hits | alerts | confirmed | escalated | false positive | precision |");
    out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (RuleStats s : rows) {
      out.printf(
          Locale.ROOT,
          "| %s | %d | %d | %d | %d | %d | %s |%n",
          s.ruleId(),
          s.hits(),
          s.alerts(),
          s.confirmed(),
          s.escalated(),
          s.falsePositives(),
          BacktestPrinter.ratio(s.precision()));
    }
    out.flush();
    return 0;
  }
}
