package io.github.linkai.spring.provider.lingma;

import java.util.ArrayList;
import java.util.List;

import io.github.linkai.spring.client.spi.BlankSettings;
import org.jspecify.annotations.Nullable;

/**
 * A Lingma client's own settings: {@code linkai.lingma.*} or
 * {@code linkai.clients.<name>.lingma.*}.
 */
public class LingmaProperties {

	/**
	 * Yunxiao organization (enterprise) id, the organizationId path parameter. Required
	 * for lingma clients.
	 */
	private @Nullable String organizationId;

	/**
	 * Whether Lingma answers use the organization's knowledge base (the teamDocs query
	 * parameter). Unset: not sent.
	 */
	private @Nullable Boolean teamDocs;

	/** Knowledge base ids Lingma searches (the kbIds body field). */
	private List<String> kbIds = new ArrayList<>();

	/** Default Lingma random seed (parameters.seed). Unset: Lingma's default (1234). */
	private @Nullable Integer seed;

	/**
	 * Default Lingma top-k sampling (parameters.top_k). Unset: Lingma's default (1024).
	 */
	private @Nullable Integer topK;

	public @Nullable String getOrganizationId() {
		return this.organizationId;
	}

	public void setOrganizationId(@Nullable String organizationId) {
		this.organizationId = organizationId;
	}

	public @Nullable Boolean getTeamDocs() {
		return this.teamDocs;
	}

	public void setTeamDocs(@Nullable Boolean teamDocs) {
		this.teamDocs = teamDocs;
	}

	public List<String> getKbIds() {
		return this.kbIds;
	}

	public void setKbIds(List<String> kbIds) {
		this.kbIds = kbIds;
	}

	public @Nullable Integer getSeed() {
		return this.seed;
	}

	public void setSeed(@Nullable Integer seed) {
		this.seed = seed;
	}

	public @Nullable Integer getTopK() {
		return this.topK;
	}

	public void setTopK(@Nullable Integer topK) {
		this.topK = topK;
	}

	/** The default options these settings give; blank ids mean none. */
	LingmaOptions toOptions() {
		return new LingmaOptions(BlankSettings.unsetIfBlank(this.kbIds), this.teamDocs, this.seed, this.topK);
	}

}
