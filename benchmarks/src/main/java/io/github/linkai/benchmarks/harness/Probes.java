package io.github.linkai.benchmarks.harness;

import java.lang.management.ManagementFactory;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;

/**
 * What the JVM tells about its own work: CPU time, bytes allocated, heap after GC,
 * threads.
 */
final class Probes {

	private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private Probes() {
	}

	/**
	 * CPU time of the whole process (the client's JVM: the stub runs in its own), in
	 * nanoseconds.
	 */
	static long cpuNanos() {
		return OS.getProcessCpuTime();
	}

	/**
	 * Bytes allocated so far by the threads alive now. A thread that ended since the last
	 * reading is missing from it, so rows whose transport starts and ends threads per
	 * call are counted low, never high.
	 */
	static long allocatedBytes() {
		long total = 0;
		for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
			total += Math.max(0, bytes);
		}
		return total;
	}

	/** Heap in use after full collections. */
	static long heapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(50);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** Live threads of the process. */
	static int threads() {
		return THREADS.getThreadCount();
	}

}
