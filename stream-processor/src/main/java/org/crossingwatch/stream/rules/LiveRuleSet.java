package org.crossingwatch.stream.rules;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.crossingwatch.classifier.Classifier;
import org.crossingwatch.classifier.ClassifierSettings;
import org.crossingwatch.classifier.PostClassifier;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Rule;
import org.crossingwatch.model.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set every stream thread scores with, kept current from the {@code cw.rules} table.
 *
 * <p>A change to the table schedules a compile on one named thread ({@value #COMPILER_THREAD}),
 * never on a stream thread; changes that arrive while a compile runs are folded into the next one.
 * The new {@link Classifier} is swapped in atomically: a post is scored entirely by the old or
 * entirely by the new set, and the old one is closed once no thread scores with it any more. A rule
 * that does not compile is rejected, logged with its id and error and counted on {@value
 * #RULES_REJECTED}; its previous version (if it had one) keeps running with the rest of the set.
 * The initial rules given at start are used until the table has been restored ({@link
 * #tableRestored()}) and holds a rule: changes that arrive while the global table is being restored
 * are collected without compiling, so posts are never scored with the first few rules of a table
 * that is still loading.
 *
 * <p>It is itself the {@link PostClassifier} the topology calls ({@link #get()} returns {@code
 * this}); every verdict carries the version of the rule set that produced it. Thread-safe. Close it
 * after the pipeline.
 */
public final class LiveRuleSet
    implements PostClassifier, java.util.function.Supplier<PostClassifier>, AutoCloseable {
  /** Name of the compiler thread. */
  public static final String COMPILER_THREAD = "crossingwatch-rule-compiler";

  /** Counter of rules rejected because they did not compile (or were not valid rule JSON). */
  public static final String RULES_REJECTED = "crossingwatch.rules.rejected";

  /** Counter of rule sets compiled and swapped in. */
  public static final String RULES_SWAPPED = "crossingwatch.rules.swapped";

  /** Gauge of the rules in the running set. */
  public static final String RULES_ACTIVE = "crossingwatch.rules.active";

  private static final Logger LOG = LoggerFactory.getLogger(LiveRuleSet.class);

  private final ClassifierSettings settings;
  private final Executor compiler;
  private final ExecutorService ownedCompiler;
  private final Counter rejected;
  private final Counter swapped;
  private final ConcurrentSkipListMap<String, Rule> table = new ConcurrentSkipListMap<>();
  private final AtomicBoolean compileScheduled = new AtomicBoolean();
  private final AtomicReference<Loaded> current;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean tableSeen;
  private volatile boolean restored;
  private volatile Map<String, String> lastRejections = Map.of();
  private Map<String, Rule> lastGood;

  private LiveRuleSet(
      List<Rule> initialRules,
      ClassifierSettings settings,
      MeterRegistry registry,
      Executor compiler,
      ExecutorService ownedCompiler) {
    this.settings = settings;
    this.compiler = compiler;
    this.ownedCompiler = ownedCompiler;
    this.rejected =
        Counter.builder(RULES_REJECTED)
            .description("Rules rejected because they did not compile")
            .register(registry);
    this.swapped =
        Counter.builder(RULES_SWAPPED)
            .description("Rule sets compiled and swapped in")
            .register(registry);
    Classifier initial = Classifier.fromRules(initialRules, settings);
    report(initial.skippedRules());
    this.lastGood = byId(initial.rules());
    this.current = new AtomicReference<>(new Loaded(initial));
    Gauge.builder(RULES_ACTIVE, this, live -> live.current.get().classifier.rules().size())
        .description("Rules in the running rule set")
        .register(registry);
  }

  /**
   * A live rule set that compiles on its own thread {@value #COMPILER_THREAD}.
   *
   * @param initialRules used until {@code cw.rules} delivers a rule; compiled before this returns
   * @param settings threshold and bias of every compiled classifier
   * @param registry where the rule counters go
   */
  public static LiveRuleSet start(
      List<Rule> initialRules, ClassifierSettings settings, MeterRegistry registry) {
    ExecutorService thread =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread t = new Thread(runnable, COMPILER_THREAD);
              t.setDaemon(true);
              return t;
            });
    return create(initialRules, settings, registry, thread, thread);
  }

  /**
   * As {@link #start} but compiling on {@code compiler}; {@code Runnable::run} compiles on the
   * thread that applied the change, which makes tests deterministic.
   */
  public static LiveRuleSet start(
      List<Rule> initialRules,
      ClassifierSettings settings,
      MeterRegistry registry,
      Executor compiler) {
    return create(initialRules, settings, registry, compiler, null);
  }

  private static LiveRuleSet create(
      List<Rule> initialRules,
      ClassifierSettings settings,
      MeterRegistry registry,
      Executor compiler,
      ExecutorService owned) {
    Objects.requireNonNull(initialRules, "initialRules must not be null");
    Objects.requireNonNull(settings, "settings must not be null");
    Objects.requireNonNull(registry, "registry must not be null");
    Objects.requireNonNull(compiler, "compiler must not be null");
    return new LiveRuleSet(initialRules, settings, registry, compiler, owned);
  }

  /** This live set: it always scores with the current rules. */
  @Override
  public PostClassifier get() {
    return this;
  }

  /** Scores with the rule set current when the call starts. */
  @Override
  public Verdict classify(Post post) {
    Loaded loaded = acquire();
    try {
      return loaded.classifier.classify(post);
    } finally {
      loaded.release();
    }
  }

  /** The version of the running rule set. */
  @Override
  public String ruleSetVersion() {
    return current.get().classifier.ruleSetVersion();
  }

  /** The rules of the running set, by id order. */
  public List<Rule> rules() {
    return current.get().classifier.rules();
  }

  /** The rules the last compile rejected, by id, with the error; empty when none. */
  public Map<String, String> lastRejections() {
    return lastRejections;
  }

  /** The table now holds {@code rules} (the global store's contents after restore). */
  void tableLoaded(Map<String, Rule> rules) {
    if (rules.isEmpty()) {
      return;
    }
    table.clear();
    table.putAll(rules);
    tableSeen = true;
    compileIfRestored();
  }

  /** One table change: {@code rule} upserted under {@code id}, or deleted when null. */
  void ruleChanged(String id, Rule rule) {
    if (rule == null) {
      if (table.remove(id) == null && !tableSeen) {
        return;
      }
    } else {
      table.put(id, rule);
    }
    tableSeen = true;
    compileIfRestored();
  }

  /**
   * The global table of {@code cw.rules} has been restored to the end offsets it had at start: from
   * now on every change is compiled and swapped in, starting with the table as restored (if it
   * holds a rule; an empty table keeps the initial rules). {@link
   * org.crossingwatch.stream.Pipeline#start()} calls this once {@code KafkaStreams.start()}
   * returned, which it does only after the global stores are restored. Idempotent.
   */
  public void tableRestored() {
    restored = true;
    compileIfRestored();
  }

  private void compileIfRestored() {
    if (restored && tableSeen) {
      scheduleCompile();
    }
  }

  /** Counts and logs a table record that is not a rule at all. */
  void rejectUnreadable(String id, String error) {
    LOG.warn("Rule {} rejected: {}; the running rule set is unchanged", id, error);
    rejected.increment();
  }

  private void scheduleCompile() {
    if (!closed.get() && compileScheduled.compareAndSet(false, true)) {
      compiler.execute(this::compileLatest);
    }
  }

  private void compileLatest() {
    compileScheduled.set(false);
    if (closed.get()) {
      return;
    }
    try {
      Map<String, Rule> wanted = new TreeMap<>(table);
      Classifier candidate = Classifier.fromRules(List.copyOf(wanted.values()), settings);
      Map<String, String> skipped = candidate.skippedRules();
      if (!skipped.isEmpty()) {
        report(skipped);
        // Keep the last good version of every rejected rule instead of dropping it.
        Map<String, Rule> repaired = new TreeMap<>(wanted);
        for (String id : skipped.keySet()) {
          Rule good = lastGood.get(id);
          if (good == null) {
            repaired.remove(id);
          } else {
            repaired.put(id, good);
          }
        }
        closeQuietly(candidate);
        candidate = Classifier.fromRules(List.copyOf(repaired.values()), settings);
      }
      lastRejections = Map.copyOf(skipped);
      lastGood = byId(candidate.rules());
      Loaded old = current.getAndSet(new Loaded(candidate));
      swapped.increment();
      LOG.info(
          "Rule set {} with {} rules swapped in (was {})",
          candidate.ruleSetVersion(),
          candidate.rules().size(),
          old.classifier.ruleSetVersion());
      old.retire();
    } catch (RuntimeException e) {
      LOG.error("Compiling the rule set failed; the running rule set is unchanged", e);
    }
  }

  private void report(Map<String, String> skipped) {
    skipped.forEach(
        (id, reason) -> {
          LOG.warn("Rule {} rejected: {}; its previous version, if any, keeps running", id, reason);
          rejected.increment();
        });
  }

  private Loaded acquire() {
    while (true) {
      Loaded loaded = current.get();
      if (loaded.tryAcquire()) {
        return loaded;
      }
    }
  }

  /** Stops compiling and closes the running classifier. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (ownedCompiler != null) {
      ownedCompiler.shutdown();
      try {
        if (!ownedCompiler.awaitTermination(30, TimeUnit.SECONDS)) {
          LOG.warn("Rule compiler did not stop within 30 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    current.get().retire();
  }

  private static Map<String, Rule> byId(List<Rule> rules) {
    Map<String, Rule> map = new TreeMap<>();
    rules.forEach(rule -> map.put(rule.id(), rule));
    return map;
  }

  private static void closeQuietly(Classifier classifier) {
    try {
      classifier.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Closing rule set {} failed", classifier.ruleSetVersion(), e);
    }
  }

  /** A classifier with a count of the threads scoring with it, closed when retired and unused. */
  private static final class Loaded {
    private final Classifier classifier;
    private final AtomicInteger users = new AtomicInteger();
    private final AtomicBoolean closedOnce = new AtomicBoolean();
    private volatile boolean retired;

    Loaded(Classifier classifier) {
      this.classifier = classifier;
    }

    boolean tryAcquire() {
      users.incrementAndGet();
      if (retired) {
        release();
        return false;
      }
      return true;
    }

    void release() {
      if (users.decrementAndGet() == 0 && retired) {
        closeOnce();
      }
    }

    void retire() {
      retired = true;
      if (users.get() == 0) {
        closeOnce();
      }
    }

    private void closeOnce() {
      if (closedOnce.compareAndSet(false, true)) {
        closeQuietly(classifier);
      }
    }
  }
}
