package org.crossingwatch.app.testing;

import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@link KafkaCluster} parameters with one Kafka cluster per test JVM: started lazily by
 * the first test that asks for it, shared by every test class through the root extension store, and
 * closed when the test run ends (the store closes {@link AutoCloseable} values).
 *
 * <p>By default the cluster is an embedded single-node KRaft broker on a temporary directory, with
 * Kafka's halt and exit turned into test failures ({@link FatalFaultGuard}). With the system
 * property {@code crossingwatch.test.kafka=testcontainers} and a Docker engine, it is a
 * Testcontainers Kafka container instead; without Docker the embedded broker is used and a warning
 * says so.
 */
public final class KafkaBrokerExtension implements ParameterResolver {
  /**
   * The system property that chooses the cluster kind: {@code embedded} (default) or {@code
   * testcontainers}.
   */
  public static final String KIND_PROPERTY = "crossingwatch.test.kafka";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerExtension.class);
  private static final Namespace NAMESPACE = Namespace.create(KafkaBrokerExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaCluster.class;
  }

  @Override
  public KafkaCluster resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            SharedKafkaCluster.class, key -> startCluster(), SharedKafkaCluster.class);
  }

  private static SharedKafkaCluster startCluster() {
    String kind = System.getProperty(KIND_PROPERTY, "embedded").strip().toLowerCase(Locale.ROOT);
    switch (kind) {
      case "embedded":
        return started(EmbeddedKafkaCluster.start());
      case "testcontainers":
        if (TestcontainersKafkaCluster.dockerAvailable()) {
          return started(TestcontainersKafkaCluster.start());
        }
        LOG.warn(
            "{}=testcontainers but no Docker engine answers: using the embedded broker",
            KIND_PROPERTY);
        return started(EmbeddedKafkaCluster.start());
      default:
        throw new IllegalArgumentException(
            KIND_PROPERTY + " must be 'embedded' or 'testcontainers', was '" + kind + "'");
    }
  }

  private static SharedKafkaCluster started(SharedKafkaCluster cluster) {
    LOG.info("Kafka for this test run: {}", cluster);
    return cluster;
  }
}
