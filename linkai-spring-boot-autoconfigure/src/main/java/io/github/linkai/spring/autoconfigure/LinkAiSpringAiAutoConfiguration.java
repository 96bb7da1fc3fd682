package io.github.linkai.spring.autoconfigure;

import io.github.linkai.spring.ai.ClientChatModel;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.MemoryChatClient;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Exposes the configured clients as Spring AI {@link ChatModel}s when Spring AI's model
 * API is on the classpath: the default client as {@code linkAiChatModel} (the one a plain
 * {@code ChatModel} injection point gets) and its memory chat as
 * {@code linkAiMemoryChatModel}, and each named client as {@code <name>ChatModel}
 * qualified by its name (and {@code <name>MemoryChatModel}). A {@code ChatModel} of the
 * application's own makes the default one back off; a bean of the application's with one
 * of these names replaces that one.
 */
@AutoConfiguration(after = LinkAiAutoConfiguration.class)
@ConditionalOnClass(ChatModel.class)
@ConditionalOnBean(ChatClientRegistry.class)
@Import(NamedChatModelsRegistrar.class)
public final class LinkAiSpringAiAutoConfiguration {

	@Bean
	@ConditionalOnBean(ChatClient.class)
	@ConditionalOnMissingBean(ChatModel.class)
	ClientChatModel linkAiChatModel(ChatClient chatClient) {
		return ClientChatModel.of(chatClient);
	}

	/**
	 * Not a default candidate: a plain {@code ChatModel} is the default client's plain
	 * chat.
	 */
	@Bean(defaultCandidate = false)
	@ConditionalOnBean(MemoryChatClient.class)
	@ConditionalOnMissingBean(name = "linkAiMemoryChatModel")
	ClientChatModel linkAiMemoryChatModel(MemoryChatClient memoryChatClient) {
		return ClientChatModel.ofMemory(memoryChatClient);
	}

}
