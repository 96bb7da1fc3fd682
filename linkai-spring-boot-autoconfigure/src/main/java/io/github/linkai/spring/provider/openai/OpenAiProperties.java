package io.github.linkai.spring.provider.openai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.linkai.spring.client.spi.BlankSettings;
import org.jspecify.annotations.Nullable;

/**
 * An OpenAI-compatible client's own settings: {@code linkai.openai.*} or
 * {@code linkai.clients.<name>.openai.*}. The key, base URL (required) and model
 * (required) are the client's {@code api-key}, {@code base-url} and {@code model}.
 */
public class OpenAiProperties {

	/**
	 * Default frequency penalty (frequency_penalty), [-2, 2]. Unset: the endpoint's
	 * default.
	 */
	private @Nullable Double frequencyPenalty;

	/**
	 * Default presence penalty (presence_penalty), [-2, 2]. Unset: the endpoint's
	 * default.
	 */
	private @Nullable Double presencePenalty;

	/**
	 * Default random seed (seed), for repeatable sampling where the endpoint supports it.
	 */
	private @Nullable Integer seed;

	/** Default stop sequences (stop), up to 4. */
	private List<String> stop = new ArrayList<>();

	/**
	 * Default end-user id (user) sent for the provider's abuse monitoring. Blank means
	 * none.
	 */
	private @Nullable String user;

	/**
	 * Extra top-level body fields, sent as JSON strings, e.g. extra-body[enable_search];
	 * a field the library sets (model, messages, stream, stream_options, a mapped option)
	 * is rejected.
	 */
	private Map<String, String> extraBody = new LinkedHashMap<>();

	/**
	 * Default reasoning effort (reasoning_effort) of reasoning models, e.g. high. Blank
	 * means none.
	 */
	private @Nullable String reasoningEffort;

	/**
	 * Whether an assistant message's reasoning is sent back (reasoning_content), as
	 * DeepSeek's thinking mode requires on a tool-call turn. Unset: true.
	 */
	private @Nullable Boolean replayReasoning;

	public @Nullable Double getFrequencyPenalty() {
		return this.frequencyPenalty;
	}

	public void setFrequencyPenalty(@Nullable Double frequencyPenalty) {
		this.frequencyPenalty = frequencyPenalty;
	}

	public @Nullable Double getPresencePenalty() {
		return this.presencePenalty;
	}

	public void setPresencePenalty(@Nullable Double presencePenalty) {
		this.presencePenalty = presencePenalty;
	}

	public @Nullable Integer getSeed() {
		return this.seed;
	}

	public void setSeed(@Nullable Integer seed) {
		this.seed = seed;
	}

	public List<String> getStop() {
		return this.stop;
	}

	public void setStop(List<String> stop) {
		this.stop = stop;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getReasoningEffort() {
		return this.reasoningEffort;
	}

	public void setReasoningEffort(@Nullable String reasoningEffort) {
		this.reasoningEffort = reasoningEffort;
	}

	public @Nullable Boolean getReplayReasoning() {
		return this.replayReasoning;
	}

	public void setReplayReasoning(@Nullable Boolean replayReasoning) {
		this.replayReasoning = replayReasoning;
	}

	public Map<String, String> getExtraBody() {
		return this.extraBody;
	}

	public void setExtraBody(Map<String, String> extraBody) {
		this.extraBody = extraBody;
	}

	/**
	 * The options these settings give a client's calls; an empty list or map, or a blank
	 * user, means none.
	 */
	OpenAiOptions toOptions() {
		String endUser = BlankSettings.unsetIfBlank(this.user);
		return new OpenAiOptions(this.frequencyPenalty, this.presencePenalty, this.seed,
				this.stop.isEmpty() ? null : this.stop, endUser,
				this.extraBody.isEmpty() ? null : new LinkedHashMap<>(this.extraBody),
				BlankSettings.unsetIfBlank(this.reasoningEffort), this.replayReasoning);
	}

}
