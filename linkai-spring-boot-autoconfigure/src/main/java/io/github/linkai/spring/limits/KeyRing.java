package io.github.linkai.spring.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jspecify.annotations.Nullable;

/**
 * The keys of one client's pool, by position: calls spread over the usable ones in turn;
 * a key the provider rate limited is cooled until its reset, one it rejected or that ran
 * out of credit is parked for the key cooldown. A key is never held here, only its
 * position.
 */
final class KeyRing {

	private final int size;

	private final Clock clock;

	private final Duration cooldown;

	private final AtomicInteger next = new AtomicInteger();

	private final AtomicReferenceArray<@Nullable Rest> rests;

	KeyRing(int size, Duration cooldown, Clock clock) {
		if (size < 1) {
			throw new IllegalArgumentException("A key pool holds at least one key");
		}
		this.size = size;
		this.clock = clock;
		this.cooldown = cooldown;
		this.rests = new AtomicReferenceArray<>(size);
	}

	/** How many keys there are. */
	int size() {
		return this.size;
	}

	/** The next usable key's position, in turn, or -1 when every key rests. */
	int next() {
		if (this.size == 1) {
			return usable(0, this.clock.instant()) ? 0 : -1;
		}
		Instant now = this.clock.instant();
		int start = Math.floorMod(this.next.getAndIncrement(), this.size);
		for (int i = 0; i < this.size; i++) {
			int index = (start + i) % this.size;
			if (usable(index, now)) {
				return index;
			}
		}
		return -1;
	}

	/** Whether a key other than {@code index} is usable now. */
	boolean anotherUsable(int index) {
		Instant now = this.clock.instant();
		for (int i = 0; i < this.size; i++) {
			if (i != index && usable(i, now)) {
				return true;
			}
		}
		return false;
	}

	/** When the first resting key is usable again, {@code null} when none rests. */
	@Nullable Duration earliestReturn() {
		Instant now = this.clock.instant();
		Instant earliest = null;
		for (int i = 0; i < this.size; i++) {
			Rest rest = this.rests.get(i);
			if (rest != null && rest.until.isAfter(now) && (earliest == null || rest.until.isBefore(earliest))) {
				earliest = rest.until;
			}
		}
		return (earliest != null) ? Duration.between(now, earliest) : null;
	}

	/** The provider rate limited the key: it cools for {@code duration}. */
	void cool(int index, Duration duration) {
		rest(index, "COOLED", "RATE_LIMITED", this.clock.instant().plus(duration));
	}

	/** The key was rejected or ran out of credit: parked for the key cooldown. */
	void park(int index, String reason) {
		rest(index, "PARKED", reason, this.clock.instant().plus(this.cooldown));
	}

	/** Applies a rest another instance reported. */
	void rest(int index, String state, String reason, Instant until) {
		if (index < 0 || index >= this.size) {
			return;
		}
		Rest rest = new Rest(state, reason, until);
		this.rests.accumulateAndGet(index, rest,
				(current, given) -> (current == null || given.until.isAfter(current.until)) ? given : current);
	}

	/** The keys as health shows them: by position, never by value. */
	List<KeyState> states() {
		Instant now = this.clock.instant();
		List<KeyState> states = new ArrayList<>(this.size);
		for (int i = 0; i < this.size; i++) {
			Rest rest = this.rests.get(i);
			states.add((rest != null && rest.until.isAfter(now)) ? new KeyState(i, rest.state, rest.reason, rest.until)
					: new KeyState(i, "ACTIVE", null, null));
		}
		return states;
	}

	/** How many keys are parked now. */
	int parked() {
		return (int) states().stream().filter((state) -> "PARKED".equals(state.state())).count();
	}

	private boolean usable(int index, Instant now) {
		Rest rest = this.rests.get(index);
		return rest == null || !rest.until.isAfter(now);
	}

	private record Rest(String state, String reason, Instant until) {
	}

	/**
	 * One key as health shows it.
	 *
	 * @param position its position in the client's key list
	 * @param state ACTIVE, COOLED or PARKED
	 * @param reason why it rests, if it does
	 * @param until until when it rests, if it does
	 */
	record KeyState(int position, String state, @Nullable String reason, @Nullable Instant until) {
	}

}
