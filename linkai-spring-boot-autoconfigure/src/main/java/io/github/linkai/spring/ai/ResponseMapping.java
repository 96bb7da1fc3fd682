package io.github.linkai.spring.ai;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.SearchSource;
import io.github.linkai.spring.client.Usage;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.Generation;

/**
 * Our answers as Spring AI's: one {@link Generation} with the text and finish reason,
 * usage, and the rest under the {@link ClientChatModel} metadata keys. A streamed chunk
 * becomes one response with its delta.
 */
final class ResponseMapping {

	private final String provider;

	private final String clientName;

	ResponseMapping(String provider, String clientName) {
		this.provider = provider;
		this.clientName = clientName;
	}

	org.springframework.ai.chat.model.ChatResponse toResponse(ChatResponse response) {
		ChatResponseMetadata.Builder metadata = metadata(response.usage(), response.sessionId(), response.requestId(),
				response.sources(), response.cost(), response.providerFields());
		if (response.model() != null) {
			metadata.model(response.model());
		}
		return new org.springframework.ai.chat.model.ChatResponse(
				List.of(generation(response.content(), response.finishReason())), metadata.build());
	}

	org.springframework.ai.chat.model.ChatResponse toResponse(ChatChunk chunk) {
		return new org.springframework.ai.chat.model.ChatResponse(
				List.of(generation(chunk.delta(), chunk.finishReason())), metadata(chunk.usage(), chunk.sessionId(),
						chunk.requestId(), chunk.sources(), chunk.cost(), chunk.providerFields())
					.build());
	}

	private static Generation generation(String text, @Nullable String finishReason) {
		return new Generation(new AssistantMessage(text),
				ChatGenerationMetadata.builder().finishReason(finishReason).build());
	}

	private ChatResponseMetadata.Builder metadata(@Nullable Usage usage, @Nullable String sessionId,
			@Nullable String requestId, List<SearchSource> sources, @Nullable BigDecimal cost,
			Map<String, @Nullable Object> providerFields) {
		ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder()
			.keyValue(ClientChatModel.PROVIDER, this.provider)
			.keyValue(ClientChatModel.CLIENT_NAME, this.clientName)
			.keyValue(ClientChatModel.SESSION_ID, sessionId)
			.keyValue(ClientChatModel.REQUEST_ID, requestId)
			.keyValue(ClientChatModel.COST, cost);
		if (requestId != null) {
			metadata.id(requestId);
		}
		if (usage != null) {
			// our usage as the native one: Spring AI's counts turn an unreported count
			// into 0
			metadata.usage(new DefaultUsage(usage.inputTokens(), usage.outputTokens(), usage.totalTokens(), usage));
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
