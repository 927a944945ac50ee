package org.crossingwatch.bench.pipeline;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this whole JVM (stream threads, the embedded broker, clients, JIT and GC): a cost per
 * post that, unlike posts per second, does not depend on what else the machine runs.
 */
final class ProcessCpu {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private ProcessCpu() {}

  /** CPU time used by this JVM so far, in nanoseconds. */
  static long nanos() {
    return OS.getProcessCpuTime();
  }
}
