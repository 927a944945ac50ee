package org.crossingwatch.stream.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Rule;

/**
 * The global processor of {@code cw.rules}: keeps the global store {@value #STORE} (rule id to Rule
 * JSON bytes) and tells the {@link LiveRuleSet} what changed. Values stay bytes so that a record
 * that is not valid Rule JSON is rejected and reported here, with its id, instead of failing the
 * global thread.
 */
public final class RuleTableUpdater implements Processor<String, byte[], Void, Void> {
  /** The global store's name. */
  public static final String STORE = "rule-table-store";

  private final LiveRuleSet live;
  private KeyValueStore<String, byte[]> store;

  private RuleTableUpdater(LiveRuleSet live) {
    this.live = live;
  }

  /** Updaters that report to {@code live}. */
  public static ProcessorSupplier<String, byte[], Void, Void> supplier(LiveRuleSet live) {
    Objects.requireNonNull(live, "live must not be null");
    return () -> new RuleTableUpdater(live);
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(STORE);
    Map<String, Rule> rules = new HashMap<>();
    try (KeyValueIterator<String, byte[]> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, byte[]> entry = all.next();
        read(entry.key, entry.value).ifPresent(rule -> rules.put(entry.key, rule));
      }
    }
    live.tableLoaded(rules);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    String id = record.key();
    if (id == null) {
      live.rejectUnreadable("(no key)", "a cw.rules record needs the rule id as key");
      return;
    }
    if (record.value() == null) {
      store.delete(id);
      live.ruleChanged(id, null);
      return;
    }
    var rule = read(id, record.value());
    if (rule.isPresent()) {
      store.put(id, record.value());
      live.ruleChanged(id, rule.get());
    }
  }

  private java.util.Optional<Rule> read(String id, byte[] value) {
    try {
      Rule rule = Json.read(value, Rule.class);
      if (!rule.id().equals(id)) {
        live.rejectUnreadable(
            id, "the record key '" + id + "' differs from the rule id '" + rule.id() + "'");
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(rule);
    } catch (IllegalArgumentException e) {
      live.rejectUnreadable(id, e.getMessage());
      return java.util.Optional.empty();
    }
  }
}
