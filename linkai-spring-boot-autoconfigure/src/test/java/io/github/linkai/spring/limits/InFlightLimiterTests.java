package io.github.linkai.spring.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/** The non-blocking in-flight limit under contention: never more, nothing left held. */
class InFlightLimiterTests {

	@Test
	void neverMoreThanTheLimitInFlightAndEveryPlaceGivenBack() {
		InFlightLimiter limiter = new InFlightLimiter("linkai", "assistant", 8, Schedulers.parallel());
		AtomicInteger current = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();

		Flux.range(0, 5000)
			.flatMap((i) -> limiter.acquire(Duration.ofSeconds(30))
				.flatMap((place) -> Mono.fromRunnable(() -> most.accumulateAndGet(current.incrementAndGet(), Math::max))
					.subscribeOn(Schedulers.parallel())
					.then(Mono.fromRunnable(() -> {
						current.decrementAndGet();
						place.release();
					}))), 256)
			.blockLast(Duration.ofSeconds(60));

		assertThat(most.get()).isLessThanOrEqualTo(8).isPositive();
		assertThat(limiter.inFlight()).isZero();
	}

	@Test
	void aPlaceIsGivenBackOnce() {
		InFlightLimiter limiter = new InFlightLimiter("linkai", "assistant", 1, Schedulers.parallel());
		InFlightLimiter.Place place = limiter.acquire(Duration.ZERO).block();

		place.release();
		place.release();

		assertThat(limiter.inFlight()).isZero();
		assertThat(limiter.acquire(Duration.ZERO).block()).isNotNull();
	}

}
