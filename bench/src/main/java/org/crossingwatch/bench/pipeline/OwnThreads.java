package org.crossingwatch.bench.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of the threads the JVM and native libraries start for themselves, which the thread
 * management bean does not list: JIT compilers, garbage collector, RocksDB's flush and compaction
 * threads. Read from Linux's per-thread accounting ({@code /proc/self/task}); elsewhere every group
 * reads zero and their time stays in the JVM's remainder.
 */
final class OwnThreads {
  static final String JIT = "JIT compiler threads";
  static final String GC = "GC threads";
  static final String ROCKSDB = "RocksDB background threads";

  private static final Path TASKS = Path.of("/proc/self/task");

  /** Linux reports thread times in clock ticks of USER_HZ, 100 per second on every common build. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private OwnThreads() {}

  /** CPU time so far of each group, in nanoseconds, in print order. */
  static Map<String, Long> now() {
    Map<String, Long> groups = new LinkedHashMap<>();
    groups.put(JIT, 0L);
    groups.put(GC, 0L);
    groups.put(ROCKSDB, 0L);
    if (!Files.isDirectory(TASKS)) {
      return groups;
    }
    try (Stream<Path> tasks = Files.list(TASKS)) {
      tasks.forEach(
          task -> {
            String stat = read(task.resolve("stat"));
            int end = stat.lastIndexOf(')');
            if (end < 0) {
              return; // the thread ended meanwhile
            }
            String group = group(stat.substring(stat.indexOf('(') + 1, end));
            if (group != null) {
              groups.merge(group, ticks(stat.substring(end + 2)) * NANOS_PER_TICK, Long::sum);
            }
          });
    } catch (IOException | RuntimeException e) {
      // Threads come and go while we list them; a partial reading only moves time to the remainder.
    }
    return groups;
  }

  /** The group of a thread by its kernel name (the first 15 characters of the JVM's name). */
  private static String group(String name) {
    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
      return JIT;
    }
    if (name.startsWith("G1 ") || name.startsWith("GC Thread")) {
      return GC;
    }
    return name.startsWith("rocksdb:") ? ROCKSDB : null;
  }

  /** User plus system ticks from the fields after the thread's name (fields 14 and 15 of stat). */
  private static long ticks(String afterName) {
    String[] fields = afterName.split(" ");
    // afterName starts at field 3 (state), so field n is at index n - 3.
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return "";
    }
  }
}
