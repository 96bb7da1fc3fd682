package io.github.linkai.spring.client.stream;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.util.context.Context;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * A response body that outlives its stream's end: once {@link #keepReadingOnCancel()} is
 * called (at the end marker), cancelling it no longer cancels the body but reads and
 * releases its rest in the background, so that the stream completes at once while its
 * connection still goes back to the pool when the body ends (a cancelled body closes its
 * connection, and over TLS the next call pays a handshake). A server that keeps the body
 * open is cut off after the grace. Before that call a cancel is a cancel: a subscriber
 * that stops mid-answer closes the connection at once.
 */
final class DrainingBody extends Flux<DataBuffer> {

	private final Flux<DataBuffer> body;

	private final Duration grace;

	private final Scheduler scheduler;

	private volatile boolean keepReading;

	DrainingBody(Flux<DataBuffer> body, Duration grace, Scheduler scheduler) {
		this.body = body;
		this.grace = grace;
		this.scheduler = scheduler;
	}

	/** From now on a cancel drains the body in the background instead. */
	void keepReadingOnCancel() {
		this.keepReading = true;
	}

	@Override
	public void subscribe(CoreSubscriber<? super DataBuffer> actual) {
		this.body.subscribe(new Drain(actual));
	}

	/** Between the body and its one subscriber. */
	private final class Drain implements CoreSubscriber<DataBuffer>, Subscription {

		private final CoreSubscriber<? super DataBuffer> actual;

		private @Nullable Subscription upstream;

		/** Set once, on the thread that cancels; read by the body's signals. */
		private volatile boolean draining;

		private volatile @Nullable Disposable cutOff;

		Drain(CoreSubscriber<? super DataBuffer> actual) {
			this.actual = actual;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			this.upstream = subscription;
			this.actual.onSubscribe(this);
		}

		@Override
		public void onNext(DataBuffer buffer) {
			if (this.draining) {
				DataBufferUtils.release(buffer);
				return;
			}
			this.actual.onNext(buffer);
		}

		@Override
		public void onError(Throwable error) {
			if (this.draining) {
				ended(); // the stream was complete: a failure of what followed is no
							// one's
				return;
			}
			this.actual.onError(error);
		}

		@Override
		public void onComplete() {
			if (this.draining) {
				ended();
				return;
			}
			this.actual.onComplete();
		}

		@Override
		public void request(long n) {
			upstream().request(n);
		}

		@Override
		public void cancel() {
			if (!DrainingBody.this.keepReading || this.draining) {
				upstream().cancel();
				return;
			}
			this.draining = true;
			this.cutOff = DrainingBody.this.scheduler.schedule(upstream()::cancel, DrainingBody.this.grace.toNanos(),
					TimeUnit.NANOSECONDS);
			upstream().request(Long.MAX_VALUE);
		}

		private void ended() {
			Disposable cutOff = this.cutOff;
			if (cutOff != null) {
				cutOff.dispose();
			}
		}

		private Subscription upstream() {
			Subscription upstream = this.upstream;
			if (upstream == null) {
				throw new IllegalStateException("Not subscribed");
			}
			return upstream;
		}

	}

}
