package org.crossingwatch.app.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

/**
 * How a cluster's topics compare with a {@link TopicPlan}.
 *
 * @param missing planned topics the cluster does not have, in plan order
 * @param unchanged topics that exist exactly as planned, in plan order
 * @param differing topics that exist but differ, each with one readable line per difference, such
 *     as {@code "partitions 3, planned 6"}, in plan order
 */
public record TopicComparison(
    List<String> missing, List<String> unchanged, Map<String, List<String>> differing) {
  public TopicComparison {
    Objects.requireNonNull(differing, "differing");
    missing = List.copyOf(missing);
    unchanged = List.copyOf(unchanged);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    differing.forEach((topic, lines) -> copy.put(topic, List.copyOf(lines)));
    differing = Collections.unmodifiableMap(copy);
  }

  static TopicComparison of(List<TopicSpec> specs, Admin admin)
      throws InterruptedException, ExecutionException {
    Set<String> existing = admin.listTopics().names().get();
    List<TopicSpec> present = specs.stream().filter(s -> existing.contains(s.name())).toList();
    Map<String, TopicDescription> descriptions =
        present.isEmpty()
            ? Map.of()
            : admin
                .describeTopics(present.stream().map(TopicSpec::name).toList())
                .allTopicNames()
                .get();
    Map<ConfigResource, Config> configs =
        present.isEmpty()
            ? Map.of()
            : admin
                .describeConfigs(
                    present.stream()
                        .map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name()))
                        .toList())
                .all()
                .get();

    List<String> missing = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    Map<String, List<String>> differing = new LinkedHashMap<>();
    for (TopicSpec spec : specs) {
      if (!existing.contains(spec.name())) {
        missing.add(spec.name());
        continue;
      }
      List<String> differences =
          differences(
              spec,
              descriptions.get(spec.name()),
              configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name())));
      if (differences.isEmpty()) {
        unchanged.add(spec.name());
      } else {
        differing.put(spec.name(), differences);
      }
    }
    return new TopicComparison(missing, unchanged, differing);
  }

  private static List<String> differences(
      TopicSpec spec, TopicDescription description, Config config) {
    List<String> lines = new ArrayList<>();
    int partitions = description.partitions().size();
    if (partitions != spec.partitions()) {
      lines.add("partitions " + partitions + ", planned " + spec.partitions());
    }
    int replicas = description.partitions().get(0).replicas().size();
    if (replicas != spec.replicationFactor()) {
      lines.add("replication factor " + replicas + ", planned " + spec.replicationFactor());
    }
    Map<String, String> actual = values(config.entries());
    spec.configs().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .filter(e -> !e.getValue().equals(actual.get(e.getKey())))
        .forEach(
            e ->
                lines.add(e.getKey() + " " + actual.get(e.getKey()) + ", planned " + e.getValue()));
    return lines;
  }

  private static Map<String, String> values(Collection<ConfigEntry> entries) {
    return entries.stream()
        .filter(e -> e.value() != null)
        .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value, (a, b) -> a));
  }

  /** Whether every planned topic exists exactly as planned. */
  public boolean matchesPlan() {
    return missing.isEmpty() && differing.isEmpty();
  }
}
