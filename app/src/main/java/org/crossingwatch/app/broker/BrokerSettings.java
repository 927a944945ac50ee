package org.crossingwatch.app.broker;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The server.properties of the embedded single-node KRaft broker, as a map. */
final class BrokerSettings {
  static final int NODE_ID = 1;
  static final String BROKER_LISTENER = "PLAINTEXT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  /**
   * Settings that define the node's identity, storage and listeners: the caller cannot change them.
   */
  static final Set<String> MANAGED_KEYS =
      Set.of(
          "process.roles",
          "node.id",
          "broker.id",
          "controller.quorum.voters",
          "controller.quorum.bootstrap.servers",
          "controller.listener.names",
          "listeners",
          "advertised.listeners",
          "listener.security.protocol.map",
          "inter.broker.listener.name",
          "log.dir",
          "log.dirs",
          "metadata.log.dir");

  private BrokerSettings() {}

  /**
   * Builds the broker settings.
   *
   * @param dataDir absolute data directory, used for both the metadata log and the topic logs
   * @param ports the loopback ports to listen on
   * @param overrides extra Kafka settings applied last; none of {@link #MANAGED_KEYS}
   * @throws IllegalArgumentException if an override names a managed key
   */
  static Map<String, String> of(Path dataDir, Ports ports, Map<String, String> overrides) {
    requireNonNull(dataDir, "dataDir");
    requireNonNull(ports, "ports");
    checkOverrides(overrides);
    Map<String, String> settings = new LinkedHashMap<>();
    // Combined mode with a static one-voter quorum: the voter set lives in this config, not
    // on disk, so a restart on new ports needs no quorum reconfiguration.
    settings.put("process.roles", "broker,controller");
    settings.put("node.id", Integer.toString(NODE_ID));
    settings.put("controller.quorum.voters", NODE_ID + "@" + address(ports.controllerPort()));
    settings.put("controller.listener.names", CONTROLLER_LISTENER);
    settings.put(
        "listeners",
        BROKER_LISTENER
            + "://"
            + address(ports.brokerPort())
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + address(ports.controllerPort()));
    settings.put("advertised.listeners", BROKER_LISTENER + "://" + address(ports.brokerPort()));
    settings.put(
        "listener.security.protocol.map",
        BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    settings.put("inter.broker.listener.name", BROKER_LISTENER);
    settings.put("log.dirs", dataDir.toString());

    // One node: every internal topic has exactly one replica.
    settings.put("offsets.topic.replication.factor", "1");
    settings.put("transaction.state.log.replication.factor", "1");
    settings.put("transaction.state.log.min.isr", "1");
    settings.put("share.coordinator.state.topic.replication.factor", "1");
    settings.put("share.coordinator.state.topic.min.isr", "1");
    // Few coordinator partitions: one broker gains nothing from spreading them, and each one
    // costs start-up time and open files.
    settings.put("offsets.topic.num.partitions", "5");
    settings.put("transaction.state.log.num.partitions", "5");
    settings.put("share.coordinator.state.topic.num.partitions", "5");
    settings.put("group.initial.rebalance.delay.ms", "0");
    settings.put("num.partitions", "1");
    settings.put("default.replication.factor", "1");
    settings.put("min.insync.replicas", "1");
    // Topics are created on purpose (see model's Topics), never by a typo in a client.
    settings.put("auto.create.topics.enable", "false");

    settings.putAll(overrides);
    return settings;
  }

  /**
   * Checks caller-supplied Kafka settings.
   *
   * @throws IllegalArgumentException if a key is one of {@link #MANAGED_KEYS}
   * @throws NullPointerException if the map, a key or a value is null
   */
  static void checkOverrides(Map<String, String> overrides) {
    requireNonNull(overrides, "overrides");
    overrides.forEach(
        (key, value) -> {
          requireNonNull(key, "override key");
          requireNonNull(value, () -> "value of override '" + key + "'");
          if (MANAGED_KEYS.contains(key.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(
                "Kafka setting '"
                    + key
                    + "' is managed by the embedded broker and cannot be overridden");
          }
        });
  }

  static String address(int port) {
    return Ports.LOOPBACK + ":" + port;
  }
}
