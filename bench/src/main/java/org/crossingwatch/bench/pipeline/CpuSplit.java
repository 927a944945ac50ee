package org.crossingwatch.bench.pipeline;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The JVM's CPU time split by what spent it: classification (measured around each call, on the
 * stream threads), the rest of the stream threads' work (Kafka clients, serdes, state stores, the
 * clustering and link steps), the Streams producers' network threads, the other Java threads (the
 * embedded broker, coordinators, the benchmark's own reader), and the JVM's own threads (JIT
 * compilers, garbage collector), which are what the process used beyond its Java threads.
 *
 * @param classification CPU time inside the classifier
 * @param streamThreads CPU time of the stream threads, classification included
 * @param producerNetwork CPU time of the producers' network threads
 * @param otherJava CPU time of every other live Java thread
 * @param process CPU time of the whole JVM
 * @param ownThreads CPU time of the JVM's and RocksDB's own threads by group ({@link OwnThreads})
 * @param compiling time the JIT compilers spent compiling, summed over them (the JVM's estimate)
 * @param gcPauses time the garbage collectors paused the application
 */
record CpuSplit(
    long classification,
    long streamThreads,
    long producerNetwork,
    long otherJava,
    long process,
    Map<String, Long> ownThreads,
    long compiling,
    long gcPauses) {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

  /** The CPU time spent so far; {@code classification} gives the classifier's share. */
  static CpuSplit now(LongSupplier classification) {
    long stream = 0;
    long network = 0;
    long other = 0;
    long[] ids = THREADS.getAllThreadIds();
    ThreadInfo[] infos = THREADS.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long nanos = THREADS.getThreadCpuTime(ids[i]);
      if (infos[i] == null || nanos < 0) {
        continue; // ended meanwhile
      }
      String name = infos[i].getThreadName();
      if (name.startsWith("kafka-producer-network-thread")) {
        network += nanos;
      } else if (name.contains("-StreamThread-")) {
        stream += nanos;
      } else {
        other += nanos;
      }
    }
    long gcMillis = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcMillis += Math.max(0, collector.getCollectionTime());
    }
    return new CpuSplit(
        classification.getAsLong(),
        stream,
        network,
        other,
        ProcessCpu.nanos(),
        OwnThreads.now(),
        COMPILER.getTotalCompilationTime() * 1_000_000L,
        gcMillis * 1_000_000L);
  }

  /**
   * What was spent between {@code earlier} and this. A thread that ended in between loses its time
   * from its group and adds it to the JVM's own.
   */
  CpuSplit since(CpuSplit earlier) {
    return new CpuSplit(
        classification - earlier.classification,
        streamThreads - earlier.streamThreads,
        producerNetwork - earlier.producerNetwork,
        otherJava - earlier.otherJava,
        process - earlier.process,
        minus(ownThreads, earlier.ownThreads),
        compiling - earlier.compiling,
        gcPauses - earlier.gcPauses);
  }

  /** An empty split, for a phase that produced no output. */
  static CpuSplit none() {
    return new CpuSplit(0, 0, 0, 0, 0, Map.of(), 0, 0);
  }

  private static Map<String, Long> minus(Map<String, Long> later, Map<String, Long> earlier) {
    Map<String, Long> spent = new LinkedHashMap<>();
    later.forEach((group, nanos) -> spent.put(group, nanos - earlier.getOrDefault(group, 0L)));
    return spent;
  }

  /**
   * Milliseconds per post of each part, in print order: the first five add up to the whole JVM, the
   * fifth split below it by thread group; the last two are the JVM's estimate of its compilers'
   * time and the garbage collectors' pauses (wall time, done by the JVM's own threads).
   */
  Map<String, Double> millisPerPost(long posts) {
    Map<String, Double> parts = new LinkedHashMap<>();
    parts.put("classification", classification / 1e6 / posts);
    parts.put("stream threads, the rest", (streamThreads - classification) / 1e6 / posts);
    parts.put("producer network threads", producerNetwork / 1e6 / posts);
    parts.put("other Java threads (broker, coordinators, reader)", otherJava / 1e6 / posts);
    long own = process - streamThreads - producerNetwork - otherJava;
    parts.put("JVM and native threads", own / 1e6 / posts);
    for (Map.Entry<String, Long> group : ownThreads.entrySet()) {
      parts.put("  " + group.getKey(), group.getValue() / 1e6 / posts);
      own -= group.getValue();
    }
    parts.put("  the rest (VM thread, exited threads)", own / 1e6 / posts);
    parts.put("  JIT compiling (elapsed, summed over compiler threads)", compiling / 1e6 / posts);
    parts.put("  GC pauses (wall time)", gcPauses / 1e6 / posts);
    return parts;
  }
}
