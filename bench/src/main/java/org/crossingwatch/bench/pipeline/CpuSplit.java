package org.crossingwatch.bench.pipeline;

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
 */
record CpuSplit(
    long classification, long streamThreads, long producerNetwork, long otherJava, long process) {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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
    return new CpuSplit(classification.getAsLong(), stream, network, other, ProcessCpu.nanos());
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
        process - earlier.process);
  }

  /** Milliseconds per post of each part, in print order; the parts add up to the whole JVM. */
  Map<String, Double> millisPerPost(long posts) {
    Map<String, Double> parts = new LinkedHashMap<>();
    parts.put("classification", classification / 1e6 / posts);
    parts.put("stream threads, the rest", (streamThreads - classification) / 1e6 / posts);
    parts.put("producer network threads", producerNetwork / 1e6 / posts);
    parts.put("other Java threads (broker, coordinators, reader)", otherJava / 1e6 / posts);
    parts.put(
        "JVM threads (JIT, GC)",
        (process - streamThreads - producerNetwork - otherJava) / 1e6 / posts);
    return parts;
  }
}
