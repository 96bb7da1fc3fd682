package io.github.linkai.spring.limits;

import java.util.concurrent.atomic.AtomicReference;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** What a subscribed Mono did so far: for tests that move virtual time by hand. */
final class Outcome<T> {

	private final AtomicReference<T> value = new AtomicReference<>();

	private final AtomicReference<Throwable> error = new AtomicReference<>();

	private final Disposable subscription;

	private Outcome(Mono<T> mono) {
		this.subscription = mono.subscribe(this.value::set, this.error::set);
	}

	static <T> Outcome<T> of(Mono<T> mono) {
		return new Outcome<>(mono);
	}

	T value() {
		return this.value.get();
	}

	Throwable error() {
		return this.error.get();
	}

	boolean isPending() {
		return this.value.get() == null && this.error.get() == null;
	}

	void cancel() {
		this.subscription.dispose();
	}

}
