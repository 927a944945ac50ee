package org.crossingwatch.collectors;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.JsonSerde;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Topics;

/** A transactional {@link MockProducer} that logs each call and can fail the next sends. */
final class RecordingProducer extends MockProducer<String, byte[]> {
  final List<String> events = new CopyOnWriteArrayList<>();
  final AtomicInteger sendsToFail = new AtomicInteger();
  private final boolean fencedAfterInit;

  RecordingProducer() {
    this(false);
  }

  private RecordingProducer(boolean fencedAfterInit) {
    super(true, null, new StringSerializer(), new ByteArraySerializer());
    this.fencedAfterInit = fencedAfterInit;
  }

  /** A producer that another instance fences right after it registers its transactional id. */
  static RecordingProducer fencedAfterInit() {
    return new RecordingProducer(true);
  }

  @Override
  public void initTransactions() {
    events.add("init");
    super.initTransactions();
    if (fencedAfterInit) {
      fenceProducer();
    }
  }

  @Override
  public void beginTransaction() {
    events.add("begin");
    super.beginTransaction();
  }

  @Override
  public synchronized Future<RecordMetadata> send(
      ProducerRecord<String, byte[]> record, Callback callback) {
    if (sendsToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      events.add("send failed " + record.topic() + " " + record.key());
      throw new TimeoutException("Expiring 1 record(s) for " + record.topic() + "-0");
    }
    events.add("send " + record.topic() + " " + record.key());
    return super.send(record, callback);
  }

  @Override
  public void commitTransaction() {
    events.add("commit");
    super.commitTransaction();
  }

  @Override
  public void abortTransaction() {
    events.add("abort");
    super.abortTransaction();
  }

  /** The committed posts, decoded. */
  List<Post> committedPosts() {
    return history().stream()
        .filter(r -> r.topic().equals(Topics.POSTS_RAW))
        .map(r -> JsonSerde.of(Post.class).deserialize(r.topic(), r.value()))
        .toList();
  }

  /** The committed checkpoints, decoded. */
  List<Checkpoint> committedCheckpoints() {
    return history().stream()
        .filter(r -> r.topic().equals(Topics.COLLECTOR_STATE))
        .map(r -> Json.read(r.value(), Checkpoint.class))
        .toList();
  }
}
