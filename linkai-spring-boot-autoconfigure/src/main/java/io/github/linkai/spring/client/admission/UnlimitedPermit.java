package io.github.linkai.spring.client.admission;

import java.math.BigDecimal;

import io.github.linkai.spring.client.Usage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** The permit of {@link CallGate#NONE}: holds nothing, records nothing. */
final class UnlimitedPermit implements CallPermit {

	static final UnlimitedPermit INSTANCE = new UnlimitedPermit();

	private static final Mono<Attempt> FIRST = Mono.just(Attempt.FIRST);

	private UnlimitedPermit() {
	}

	@Override
	public Mono<Attempt> attempt(int number) {
		return (number == 0) ? FIRST : Mono.just(new Attempt(number, 0));
	}

	@Override
	public boolean attemptFailed(Attempt attempt, Throwable error) {
		return false;
	}

	@Override
	public void providerLimits(Attempt attempt, ProviderLimits limits) {
	}

	@Override
	public void answered() {
	}

	@Override
	public void completed(@Nullable Usage usage, @Nullable BigDecimal cost) {
	}

	@Override
	public void failed(Throwable error) {
	}

	@Override
	public void cancelled() {
	}

	@Override
	public String toString() {
		return "CallPermit.unlimited()";
	}

}
