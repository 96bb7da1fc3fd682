package io.github.linkai.spring.test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The answers a test scripted: answers queued for one request each, taken in order by the
 * first request they match, then rules that answer every matching request, the latest
 * rule first. Thread-safe.
 */
final class Script {

	private final List<Entry> queue = new ArrayList<>();

	private final List<Entry> rules = new ArrayList<>();

	synchronized void enqueue(Predicate<StubRequest> matcher, StubAnswer answer) {
		this.queue.add(new Entry(matcher, (request) -> answer));
	}

	synchronized void rule(Predicate<StubRequest> matcher, Function<StubRequest, StubAnswer> answers) {
		this.rules.add(0, new Entry(matcher, answers));
	}

	/**
	 * The scripted answer for a request, a queued one taken off the queue; {@code null}
	 * when none matches.
	 */
	synchronized @Nullable StubAnswer answerFor(StubRequest request) {
		for (Iterator<Entry> queued = this.queue.iterator(); queued.hasNext();) {
			Entry entry = queued.next();
			if (entry.matcher().test(request)) {
				queued.remove();
				return entry.answers().apply(request);
			}
		}
		for (Entry rule : this.rules) {
			if (rule.matcher().test(request)) {
				return Objects.requireNonNull(rule.answers().apply(request), "a scripted answer must not be null");
			}
		}
		return null;
	}

	/** How many queued answers no request has taken yet. */
	synchronized int pending() {
		return this.queue.size();
	}

	synchronized void clear() {
		this.queue.clear();
		this.rules.clear();
	}

	private record Entry(Predicate<StubRequest> matcher, Function<StubRequest, StubAnswer> answers) {
	}

}
