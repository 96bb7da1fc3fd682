package io.github.linkai.spring.client.spi;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;

/**
 * Replaces a client's credentials in text that leaves the library (provider error
 * messages echoed back, transport messages). Short values are ignored: masking a 2-letter
 * string would mangle ordinary text.
 */
public final class SecretMasker {

	static final String MASK = "******";

	private static final int MIN_LENGTH = 6;

	private final List<String> secrets;

	public SecretMasker(Collection<String> secrets) {
		this.secrets = secrets.stream()
			.filter(Objects::nonNull)
			.filter((s) -> s.length() >= MIN_LENGTH)
			.distinct()
			.toList();
	}

	/** The text with every credential replaced by {@value #MASK}. */
	@Contract("null -> null; !null -> !null")
	public @Nullable String mask(@Nullable String text) {
		if (text == null || this.secrets.isEmpty()) {
			return text;
		}
		String masked = text;
		for (String secret : this.secrets) {
			if (masked.contains(secret)) {
				masked = masked.replace(secret, MASK);
			}
		}
		return masked;
	}

	/** A credential shown in {@code toString()}: only whether it is set. */
	public static String describe(@Nullable String secret) {
		return (secret == null || secret.isEmpty()) ? "<unset>" : MASK;
	}

}
