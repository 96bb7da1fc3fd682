package io.github.linkai.spring.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One streamed fragment of a tool call, as the provider sent it: usually the first names
 * the call's index, id and tool, and the later ones carry only pieces of its arguments.
 * {@link ChatResponseAccumulator} merges them into {@link ToolCall}s.
 *
 * @param index the call's position among the answer's calls, if sent
 * @param id the call's id, if this fragment carries it (a blank id is {@code null})
 * @param name the tool's name, if this fragment carries it (a blank name is {@code null})
 * @param arguments the next piece of the arguments' JSON text, if any
 * @param providerFields unmapped fields of the fragment
 */
public record ToolCallDelta(@Nullable Integer index, @Nullable String id, @Nullable String name,
		@Nullable String arguments,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, @Nullable Object> providerFields) {

	public ToolCallDelta {
		providerFields = ProviderFields.copyOf(providerFields);
	}

	/** A fragment without provider fields. */
	public ToolCallDelta(@Nullable Integer index, @Nullable String id, @Nullable String name,
			@Nullable String arguments) {
		this(index, id, name, arguments, Map.of());
	}

	/** The index, id and tool; the piece's length only: it holds what the user said. */
	@Override
	public String toString() {
		return "ToolCallDelta[index=" + this.index + ", id=" + this.id + ", name=" + this.name + ", arguments="
				+ ((this.arguments != null) ? this.arguments.length() + " chars" : "none") + "]";
	}

}
