package org.crossingwatch.collectors.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Finds and aborts the <em>hanging</em> transactions of one transactional id: transactions its
 * producer holds open on partitions while its coordinator holds no transaction open for it. A
 * broker stopped in the middle of a transaction can leave one behind (seen with Kafka 4.4 and
 * transactions version 2); no producer will ever end it, and every {@code read_committed} reader of
 * those partitions stops before it for good. This is what {@code kafka-transactions.sh
 * find-hanging} and {@code abort} do by hand, limited to the caller's own transactional id and to
 * the moment it has registered a new producer and begun no transaction, when nothing of its own can
 * be legitimately open.
 */
public final class HangingTransactions {
  private static final Set<TransactionState> IN_PROGRESS =
      Set.of(
          TransactionState.ONGOING,
          TransactionState.PREPARE_ABORT,
          TransactionState.PREPARE_COMMIT);

  private HangingTransactions() {}

  /**
   * Aborts the hanging transactions of {@code transactionalId} on every partition of {@code
   * topics}.
   *
   * @return one line per aborted transaction ({@code topic-partition from offset N}); empty when
   *     none hangs or the coordinator still has a transaction in progress, which it will end itself
   * @throws KafkaException when the cluster cannot be asked or refuses within {@code timeout}
   */
  public static List<String> abortOwn(
      Admin admin, String transactionalId, List<String> topics, Duration timeout) {
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(transactionalId, "transactionalId");
    try {
      TransactionDescription transaction =
          get(
              admin.describeTransactions(List.of(transactionalId)).description(transactionalId),
              timeout);
      if (IN_PROGRESS.contains(transaction.state())) {
        return List.of();
      }
      List<TopicPartition> partitions = new ArrayList<>();
      for (TopicDescription topic :
          get(admin.describeTopics(topics).allTopicNames(), timeout).values()) {
        topic
            .partitions()
            .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
      }
      Map<TopicPartition, PartitionProducerState> states =
          get(admin.describeProducers(partitions).all(), timeout);
      List<String> aborted = new ArrayList<>();
      for (Map.Entry<TopicPartition, PartitionProducerState> state : states.entrySet()) {
        for (ProducerState producer : state.getValue().activeProducers()) {
          if (producer.producerId() == transaction.producerId()
              && producer.currentTransactionStartOffset().isPresent()) {
            get(
                admin
                    .abortTransaction(
                        new AbortTransactionSpec(
                            state.getKey(),
                            producer.producerId(),
                            (short) producer.producerEpoch(),
                            producer.coordinatorEpoch().orElse(-1)))
                    .all(),
                timeout);
            aborted.add(
                state.getKey()
                    + " from offset "
                    + producer.currentTransactionStartOffset().getAsLong());
          }
        }
      }
      return aborted;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("Interrupted while looking for hanging transactions", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaException(
          "Could not look for hanging transactions of " + transactionalId + ": " + e, e);
    }
  }

  private static <T> T get(KafkaFuture<T> future, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
