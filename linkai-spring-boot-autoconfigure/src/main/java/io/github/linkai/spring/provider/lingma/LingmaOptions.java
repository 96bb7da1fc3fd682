package io.github.linkai.spring.provider.lingma;

import java.util.List;

import io.github.linkai.spring.client.ProviderOptions;
import org.jspecify.annotations.Nullable;

/**
 * Lingma's own options: the knowledge bases to answer from, and the sampling parameters
 * only Lingma has. A client holds defaults of this type
 * ({@link LingmaSettings#defaults()}); a request attaches its own with
 * {@code ChatRequest.builder().providerOptions(...)}, and each value it sets overrides
 * the client's.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *         .user("如何配置流水线?")
 *         .providerOptions(new LingmaOptions(List.of("kb-ops"), true, null, null))
 *         .build();
 * }</pre>
 *
 * @param kbIds the knowledge base ids ({@code kbIds}); {@code null} keeps the client's,
 * an empty list sends none
 * @param teamDocs whether to use the organization's knowledge base (query parameter
 * {@code teamDocs}); {@code null} keeps the client's, and when neither sets it the
 * parameter is not sent
 * @param seed the random seed ({@code parameters.seed}); {@code null} keeps the client's
 * @param topK top-k sampling ({@code parameters.top_k}); {@code null} keeps the client's
 */
public record LingmaOptions(@Nullable List<String> kbIds, @Nullable Boolean teamDocs, @Nullable Integer seed,
		@Nullable Integer topK) implements ProviderOptions {

	private static final LingmaOptions NONE = new LingmaOptions(null, null, null, null);

	/**
	 * Checks the ids.
	 * @throws IllegalArgumentException if an id is {@code null} or blank
	 */
	public LingmaOptions {
		if (kbIds != null) {
			for (int i = 0; i < kbIds.size(); i++) {
				String id = kbIds.get(i);
				if (id == null || id.isBlank()) {
					throw new IllegalArgumentException("kbIds[" + i + "] must not be null or blank");
				}
			}
			kbIds = List.copyOf(kbIds);
		}
	}

	/** Options with nothing set. */
	public static LingmaOptions none() {
		return NONE;
	}

	/** Options that answer from these knowledge bases. */
	public static LingmaOptions knowledgeBases(String... kbIds) {
		return new LingmaOptions(List.of(kbIds), null, null, null);
	}

	/** Options that turn the organization's knowledge base on or off. */
	public static LingmaOptions useTeamDocs(boolean teamDocs) {
		return new LingmaOptions(null, teamDocs, null, null);
	}

	/** These options, with every unset value taken from {@code defaults}. */
	public LingmaOptions orElse(LingmaOptions defaults) {
		return new LingmaOptions((this.kbIds != null) ? this.kbIds : defaults.kbIds,
				(this.teamDocs != null) ? this.teamDocs : defaults.teamDocs,
				(this.seed != null) ? this.seed : defaults.seed, (this.topK != null) ? this.topK : defaults.topK);
	}

	@Override
	public String provider() {
		return Lingma.PROVIDER;
	}

}
