package io.github.linkai.spring.ai;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.linkai.spring.client.AnswerMedia;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.SearchSource;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.client.Usage;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.content.Media;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * Our answers as Spring AI's: one {@link Generation} whose assistant message has the
 * text, the tool calls, the media, and the reasoning in its metadata
 * ({@link ClientChatModel#REASONING_CONTENT}, as Spring AI's OpenAI model puts it); the
 * finish reason, usage (with the cached input tokens), and the rest under the
 * {@link ClientChatModel} metadata keys. A streamed chunk becomes one response with its
 * delta; {@link ClientChatModel} adds the tool calls, merged, once.
 */
final class ResponseMapping {

	private static final MimeType VIDEO = MimeTypeUtils.parseMimeType("video/*");

	private static final MimeType IMAGE = MimeTypeUtils.parseMimeType("image/*");

	private final String provider;

	private final String clientName;

	ResponseMapping(String provider, String clientName) {
		this.provider = provider;
		this.clientName = clientName;
	}

	org.springframework.ai.chat.model.ChatResponse toResponse(ChatResponse response) {
		ChatResponseMetadata.Builder metadata = metadata(response.provider(), response.clientName(), response.usage(),
				response.sessionId(), response.requestId(), response.sources(), response.cost(),
				response.providerFields());
		if (response.model() != null) {
			metadata.model(response.model());
		}
		Map<String, Object> properties = (response.reasoningContent() != null)
				? Map.of(ClientChatModel.REASONING_CONTENT, response.reasoningContent()) : Map.of();
		return new org.springframework.ai.chat.model.ChatResponse(List.of(generation(response.content(), properties,
				response.toolCalls(), response.media(), response.finishReason())), metadata.build());
	}

	/**
	 * A chunk's response: its delta and media, and the reasoning so far with the chunk's
	 * piece, when it has one (the reasoning is cumulative because Spring AI's aggregation
	 * keeps the last value of a metadata key). No tool calls: their fragments are merged
	 * first.
	 * @param reasoning the reasoning so far, this chunk's piece included, if any
	 */
	org.springframework.ai.chat.model.ChatResponse toResponse(ChatChunk chunk, @Nullable String reasoning) {
		Map<String, Object> properties = Map.of();
		if (!chunk.reasoningDelta().isEmpty() && reasoning != null) {
			properties = Map.of(ClientChatModel.REASONING_CONTENT, reasoning, ClientChatModel.REASONING_DELTA,
					chunk.reasoningDelta());
		}
		return new org.springframework.ai.chat.model.ChatResponse(
				List.of(generation(chunk.delta(), properties, List.of(), chunk.media(), chunk.finishReason())),
				metadata(provider(chunk.provider()), clientName(chunk.clientName()), chunk.usage(), chunk.sessionId(),
						chunk.requestId(), chunk.sources(), chunk.cost(), chunk.providerFields())
					.build());
	}

	/**
	 * The response that hands a stream's tool calls over, whole and once.
	 * @param provider the provider the stream's chunks named, if any
	 * @param clientName the client the stream's chunks named, if any
	 */
	org.springframework.ai.chat.model.ChatResponse toolCalls(List<ToolCall> calls, @Nullable String finishReason,
			@Nullable String provider, @Nullable String clientName) {
		return new org.springframework.ai.chat.model.ChatResponse(
				List.of(generation("", Map.of(), calls, List.of(), finishReason)),
				metadata(provider(provider), clientName(clientName), null, null, null, List.of(), null, Map.of())
					.build());
	}

	/**
	 * The provider a chunk names (a fallback chain's, of the client that served it), else
	 * this model's.
	 */
	private String provider(@Nullable String named) {
		return (named != null) ? named : this.provider;
	}

	/**
	 * The client a chunk names (a fallback chain's that served it), else this model's.
	 */
	private String clientName(@Nullable String named) {
		return (named != null) ? named : this.clientName;
	}

	private static Generation generation(String text, Map<String, Object> properties, List<ToolCall> calls,
			List<AnswerMedia> media, @Nullable String finishReason) {
		AssistantMessage message;
		if (properties.isEmpty() && calls.isEmpty() && media.isEmpty()) {
			message = new AssistantMessage(text);
		}
		else {
			message = AssistantMessage.builder()
				.content(text)
				.properties(new HashMap<>(properties))
				.toolCalls(toolCalls(calls))
				.media(media(media))
				.build();
		}
		return new Generation(message, ChatGenerationMetadata.builder().finishReason(finishReason).build());
	}

	private static List<AssistantMessage.ToolCall> toolCalls(List<ToolCall> calls) {
		List<AssistantMessage.ToolCall> mapped = new ArrayList<>(calls.size());
		for (ToolCall call : calls) {
			mapped.add(new AssistantMessage.ToolCall(call.id(), "function", call.name(), call.arguments()));
		}
		return mapped;
	}

	private static List<Media> media(List<AnswerMedia> media) {
		List<Media> mapped = new ArrayList<>(media.size());
		for (AnswerMedia medium : media) {
			MimeType type = switch (medium.kind()) {
				case IMAGE -> IMAGE;
				case VIDEO -> VIDEO;
				case FILE -> MimeTypeUtils.APPLICATION_OCTET_STREAM;
			};
			Media.Builder builder = Media.builder().mimeType(type);
			try {
				builder.data(URI.create(medium.url()));
			}
			catch (IllegalArgumentException ex) {
				builder.data(medium.url());
			}
			mapped.add(builder.build());
		}
		return mapped;
	}

	private static ChatResponseMetadata.Builder metadata(String provider, String clientName, @Nullable Usage usage,
			@Nullable String sessionId, @Nullable String requestId, List<SearchSource> sources,
			@Nullable BigDecimal cost, Map<String, @Nullable Object> providerFields) {
		ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder()
			.keyValue(ClientChatModel.PROVIDER, provider)
			.keyValue(ClientChatModel.CLIENT_NAME, clientName)
			.keyValue(ClientChatModel.SESSION_ID, sessionId)
			.keyValue(ClientChatModel.REQUEST_ID, requestId)
			.keyValue(ClientChatModel.COST, cost);
		if (requestId != null) {
			metadata.id(requestId);
		}
		if (usage != null) {
			// our usage as the native one: Spring AI's counts turn an unreported count
			// into 0
			Integer cached = usage.cachedInputTokens();
			metadata.usage(new DefaultUsage(usage.inputTokens(), usage.outputTokens(), usage.totalTokens(), usage,
					(cached != null) ? Long.valueOf(cached) : null, null));
		}
		if (!sources.isEmpty()) {
			metadata.keyValue(ClientChatModel.SOURCES, sources);
		}
		if (!providerFields.isEmpty()) {
			metadata.keyValue(ClientChatModel.PROVIDER_FIELDS, providerFields);
		}
		return metadata;
	}

}
