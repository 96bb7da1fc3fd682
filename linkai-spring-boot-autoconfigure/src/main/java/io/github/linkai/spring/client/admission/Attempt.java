package io.github.linkai.spring.client.admission;

/**
 * One attempt of an admitted call: the first, or a retry.
 *
 * @param number 0 for the first attempt
 * @param keyIndex the position of the key to send with in the client's key list (never
 * the key itself)
 */
public record Attempt(int number, int keyIndex) {

	/** The first attempt, with the first key. */
	public static final Attempt FIRST = new Attempt(0, 0);

	public Attempt {
		if (number < 0 || keyIndex < 0) {
			throw new IllegalArgumentException("number and keyIndex must not be negative");
		}
	}

}
