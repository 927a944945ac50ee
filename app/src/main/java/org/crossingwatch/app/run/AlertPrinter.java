package org.crossingwatch.app.run;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.JsonSerde;
import org.crossingwatch.model.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints each committed alert on {@code cw.alerts} as one line. Uses its own consumer group with
 * committed offsets, so a restart prints only alerts it has not printed before.
 */
final class AlertPrinter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertPrinter.class);
  static final String GROUP_ID = "crossingwatch-alert-printer";

  private final KafkaConsumer<String, Alert> consumer;
  private final PrintWriter out;
  private final Thread thread;
  private final AtomicBoolean closed = new AtomicBoolean();

  AlertPrinter(String bootstrapServers, PrintWriter out) {
    this.out = out;
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID,
                ConsumerConfig.CLIENT_ID_CONFIG, "crossingwatch-alert-printer",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
            new StringDeserializer(),
            JsonSerde.of(Alert.class));
    this.thread = new Thread(this::loop, "alert-printer");
  }

  void start() {
    thread.start();
  }

  private void loop() {
    try {
      consumer.subscribe(List.of(Topics.ALERTS));
      while (!closed.get()) {
        for (ConsumerRecord<String, Alert> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() != null) {
            out.println(AlertLine.format(record.value()));
          }
        }
        out.flush();
      }
    } catch (WakeupException e) {
      // close() asked us to stop.
    } catch (RuntimeException e) {
      LOG.error("Alert printer stopped: {}", e.toString(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (closed.compareAndSet(false, true)) {
      consumer.wakeup();
      thread.join(Duration.ofSeconds(10).toMillis());
    }
  }
}
