package io.github.linkai.spring.client.http;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.spi.SettingProblems;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

import org.springframework.beans.BeanUtils;
import org.springframework.util.unit.DataSize;

/**
 * Everything the exchange path needs to know about one client besides its provider's wire
 * format: built once per client and read on every call.
 *
 * @param name the client's configured name (the top-level one's is {@code "default"})
 * @param defaults the default options of the client's calls; a request's own values win
 * @param policy how the calls are bounded and retried: a copy of its own, checked
 * @param clock the clock for {@code Retry-After} dates
 * @param scheduler where backoffs and timeouts wait (a virtual-time one in tests)
 * @param observer what watches the calls, {@code null} for nothing (then a call costs
 * nothing extra)
 * @param moreKeys the keys of the client's pool after its first (the provider's own), in
 * the pool's order: an attempt is sent with the key its admission picked
 */
public record ClientSettings(String name, ChatOptions defaults, CallPolicy policy, Clock clock, Scheduler scheduler,
		@Nullable CallObserver observer, List<String> moreKeys) {

	/**
	 * Checks the settings and keeps a copy of the policy, so that changing the one given
	 * afterwards changes nothing here.
	 * @throws IllegalArgumentException naming a policy value out of range
	 */
	public ClientSettings {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(defaults, "defaults must not be null");
		Objects.requireNonNull(policy, "policy must not be null");
		Objects.requireNonNull(clock, "clock must not be null");
		Objects.requireNonNull(scheduler, "scheduler must not be null");
		moreKeys = List.copyOf(moreKeys);
		policy.validate(SettingProblems.throwing());
		policy = copy(policy);
	}

	/** Settings for a client of that name with every default: see {@link Builder}. */
	public static ClientSettings of(String name) {
		return builder(name).build();
	}

	/** A builder with every default. */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/** The largest stream event (and line), or complete reply, accepted, in bytes. */
	public int maxEventBytes() {
		return this.policy.maxEventBytes();
	}

	/** The longest a whole call or stream may take, retries included. */
	public Duration deadline() {
		return this.policy.getDeadline();
	}

	/** When failed attempts are made again. */
	public RetryPolicy retry() {
		return this.policy.getRetry();
	}

	/** A builder holding these settings, to derive changed ones. */
	public Builder toBuilder() {
		Builder builder = new Builder(this.name);
		builder.defaults = this.defaults;
		builder.policy = copy(this.policy);
		builder.clock = this.clock;
		builder.scheduler = this.scheduler;
		builder.observer = this.observer;
		builder.moreKeys = this.moreKeys;
		return builder;
	}

	private static CallPolicy copy(CallPolicy policy) {
		// every property, whatever is added later, without a list of them to keep up
		CallPolicy copy = BeanUtils.instantiateClass(CallPolicy.class);
		BeanUtils.copyProperties(policy, copy);
		BeanUtils.copyProperties(policy.getRetry(), copy.getRetry());
		return copy;
	}

	/**
	 * Builds {@link ClientSettings}. Defaults: no default options, {@link CallPolicy}'s
	 * defaults, the system clock, the shared timer wheel (Netty's, firing on Reactor's
	 * parallel scheduler) on a lease held for the JVM's life, no observer.
	 */
	public static final class Builder {

		private final String name;

		private ChatOptions defaults = ChatOptions.none();

		private CallPolicy policy = new CallPolicy();

		private Clock clock = Clock.systemUTC();

		private @Nullable Scheduler scheduler;

		private @Nullable CallObserver observer;

		private List<String> moreKeys = List.of();

		private Builder(String name) {
			this.name = Objects.requireNonNull(name, "name must not be null");
		}

		public Builder defaults(ChatOptions defaults) {
			this.defaults = defaults;
			return this;
		}

		/** The policy's values, each unset one at its default. */
		public Builder policy(CallPolicy policy) {
			this.policy = policy;
			return this;
		}

		/**
		 * Changes the policy, e.g.
		 * {@code policy((p) -> p.setDeadline(Duration.ofSeconds(30)))}.
		 */
		public Builder policy(Consumer<CallPolicy> changes) {
			changes.accept(this.policy);
			return this;
		}

		/** The largest stream event (and line), or complete reply, accepted. */
		public Builder maxEventBytes(int maxEventBytes) {
			return policy((policy) -> policy.setMaxEventSize(DataSize.ofBytes(maxEventBytes)));
		}

		/** The longest wait for a stream's first data event. */
		public Builder firstEventTimeout(Duration firstEventTimeout) {
			return policy((policy) -> policy.setFirstEventTimeout(firstEventTimeout));
		}

		/** The longest wait between two data events of a stream. */
		public Builder idleTimeout(Duration idleTimeout) {
			return policy((policy) -> policy.setIdleTimeout(idleTimeout));
		}

		/** The longest a whole call or stream may take, retries included. */
		public Builder deadline(Duration deadline) {
			return policy((policy) -> policy.setDeadline(deadline));
		}

		/** When failed attempts are made again. */
		public Builder retry(RetryPolicy retry) {
			return policy((policy) -> BeanUtils.copyProperties(retry, policy.getRetry()));
		}

		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		public Builder scheduler(Scheduler scheduler) {
			this.scheduler = scheduler;
			return this;
		}

		/** What watches the calls, {@code null} for nothing. */
		public Builder observer(@Nullable CallObserver observer) {
			this.observer = observer;
			return this;
		}

		/**
		 * The keys of the client's pool after its first (the provider's own); none by
		 * default.
		 */
		public Builder moreKeys(List<String> moreKeys) {
			this.moreKeys = List.copyOf(moreKeys);
			return this;
		}

		public ClientSettings build() {
			Scheduler scheduler = (this.scheduler != null) ? this.scheduler : DefaultTimer.LEASE;
			return new ClientSettings(this.name, this.defaults, this.policy, this.clock, scheduler, this.observer,
					this.moreKeys);
		}

	}

	/**
	 * The timer of clients built without one: a lease on the shared wheel, taken on first
	 * use and held for the JVM's life (its thread is a daemon). An application context
	 * passes a lease of its own, given back when it closes.
	 */
	private static final class DefaultTimer {

		static final Scheduler LEASE = TimerWheelScheduler.lease();

	}

}
