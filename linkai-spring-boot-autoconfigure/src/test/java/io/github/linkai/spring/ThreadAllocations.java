package io.github.linkai.spring;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The bytes a piece of work allocates on the calling thread: how much a reader copies,
 * counted rather than timed, so the figure does not depend on how busy the machine is.
 */
public final class ThreadAllocations {

	private ThreadAllocations() {
	}

	/**
	 * The bytes the work allocated on this thread, the second time it runs: the first run
	 * loads and starts up what the work uses (Reactor, logging), which allocates some
	 * megabytes once. The test is skipped on a JVM that does not count them.
	 * @param work prepares its input (not counted) and returns the work on it
	 */
	public static long allocatedBy(Supplier<Runnable> work) {
		ThreadMXBean bean = ManagementFactory.getThreadMXBean();
		assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
		assumeThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled())
			.as("the JVM counts each thread's allocation")
			.isTrue();
		work.get().run();
		Runnable measured = work.get();
		long before = threads.getCurrentThreadAllocatedBytes();
		measured.run();
		return threads.getCurrentThreadAllocatedBytes() - before;
	}

}
