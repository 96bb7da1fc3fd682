package io.github.linkai.spring.autoconfigure;

import java.nio.charset.StandardCharsets;

import io.github.linkai.spring.ai.ClientChatModel;
import io.github.linkai.spring.client.ChatClient;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.StreamingChatModel;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.InputStreamSource;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link LinkAiSpringAiAutoConfiguration}.
 */
class LinkAiSpringAiAutoConfigurationTests {

	private static final String KEY = "Link_tOCJYmHxxm55eA1xs";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, LinkAiSpringAiAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class));

	@Test
	void defaultClientIsAChatModelAndAStreamingChatModel() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY).run((context) -> {
			assertThat(context.getBean(ChatModel.class)).isSameAs(context.getBean("linkAiChatModel"))
				.isSameAs(context.getBean(StreamingChatModel.class));
			assertThat(context.getBean(ChatModel.class)).hasToString("ClientChatModel[linkai/default]");
		});
	}

	@Test
	void defaultMemoryChatIsAChatModelPickedByItsBeanName() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY)
			.withUserConfiguration(MemoryConsumer.class)
			.run((context) -> {
				assertThat(context.getBean(MemoryConsumer.class).memory)
					.hasToString("ClientChatModel[linkai/default, memory]");
				assertThat(context.getBean("linkAiMemoryChatModel"))
					.isSameAs(context.getBean(MemoryConsumer.class).memory);
			});
	}

	@Test
	void nothingWithoutSpringAiOnTheClasspath() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY, "linkai.clients.support.app-code=S1")
			.withClassLoader(new FilteredClassLoader(ChatModel.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasBean("linkAiChatClient");
				assertThat(context).doesNotHaveBean(ClientChatModel.class);
				assertThat(context).doesNotHaveBean("supportChatModel");
			});
	}

	@Test
	void theModelApiAloneIsEnoughWithoutSpringAisChatClient() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY)
			.withClassLoader(new FilteredClassLoader("org.springframework.ai.chat.client"))
			.run((context) -> assertThat(context.getBean(ChatModel.class)).isInstanceOf(ClientChatModel.class));
	}

	@Test
	void nothingWithoutAConfiguredClient() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ChatModel.class);
		});
	}

	@Test
	void userDefinedChatModelMakesTheDefaultOneBackOff() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY)
			.withBean("myModel", ChatModel.class, () -> mock(ChatModel.class))
			.run((context) -> {
				assertThat(context.getBean(ChatModel.class)).isSameAs(context.getBean("myModel"));
				assertThat(context).doesNotHaveBean("linkAiChatModel");
				assertThat(context).hasBean("linkAiMemoryChatModel");
			});
	}

	@Test
	void userDefinedChatClientIsTheOneTheDefaultModelAdapts() {
		ChatClient mine = mock(ChatClient.class);
		given(mine.name()).willReturn("mine");
		given(mine.provider()).willReturn("test");
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY)
			.withBean(ChatClient.class, () -> mine)
			.run((context) -> assertThat(context.getBean(ChatModel.class)).hasToString("ClientChatModel[test/mine]"));
	}

	@Test
	void userDefinedBeansNamedLikeOursReplaceThem() {
		ChatModel memory = mock(ChatModel.class);
		ChatModel support = mock(ChatModel.class);
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY, "linkai.clients.support.app-code=S1")
			.withBean("linkAiMemoryChatModel", ChatModel.class, () -> memory,
					(bd) -> ((AbstractBeanDefinition) bd).setDefaultCandidate(false))
			.withBean("supportChatModel", ChatModel.class, () -> support,
					(bd) -> ((AbstractBeanDefinition) bd).setDefaultCandidate(false))
			.run((context) -> {
				assertThat(context.getBean("linkAiMemoryChatModel")).isSameAs(memory);
				assertThat(context.getBean("supportChatModel")).isSameAs(support);
				assertThat(context.getBean("supportMemoryChatModel")).isInstanceOf(ClientChatModel.class);
			});
	}

	@Test
	void namedClientsAreChatModelsQualifiedByTheirNames() {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.clients.support.app-code=S1",
					"linkai.clients.eng.provider=lingma", "linkai.clients.eng.api-key=pt-token",
					"linkai.clients.eng.lingma.organization-id=ORG1")
			.withUserConfiguration(QualifiedConsumer.class)
			.run((context) -> {
				QualifiedConsumer consumer = context.getBean(QualifiedConsumer.class);
				assertThat(consumer.plain).hasToString("ClientChatModel[linkai/default]");
				assertThat(consumer.support).hasToString("ClientChatModel[linkai/support]");
				assertThat(consumer.supportMemory).hasToString("ClientChatModel[linkai/support, memory]");
				assertThat(consumer.eng).hasToString("ClientChatModel[lingma/eng]");
				assertThat(context).hasBean("engChatModel").doesNotHaveBean("engMemoryChatModel");
				assertThat(context.getBean(ChatModel.class)).isSameAs(context.getBean("linkAiChatModel"));
			});
	}

	@Test
	void namedClientsWithoutTopLevelKeyGiveNoDefaultChatModel() {
		this.contextRunner.withPropertyValues("linkai.clients.support.api-key=" + KEY).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasBean("supportChatModel").hasBean("supportMemoryChatModel");
			assertThat(context).doesNotHaveBean("linkAiChatModel").doesNotHaveBean("linkAiMemoryChatModel");
		});
	}

	@Test
	void providerWithoutMemoryChatHasNoMemoryChatModel() {
		this.contextRunner
			.withPropertyValues("linkai.provider=jijyun", "linkai.api-key=jjy-key", "linkai.jijyun.ibot-id=BOT1")
			.run((context) -> {
				assertThat(context.getBean(ChatModel.class)).hasToString("ClientChatModel[jijyun/default]");
				assertThat(context).doesNotHaveBean("linkAiMemoryChatModel");
			});
	}

	@Test
	void namedChatModelsAreWrittenOutByAotProcessing() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY, "linkai.clients.support.app-code=S1")
			.prepare((context) -> {
				InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
				DefaultGenerationContext generation = new DefaultGenerationContext(
						new ClassNameGenerator(ClassName.get(LinkAiSpringAiAutoConfigurationTests.class)), files);
				new ApplicationContextAotGenerator()
					.processAheadOfTime((GenericApplicationContext) context.getSourceApplicationContext(), generation);
				generation.writeGeneratedContent();
				StringBuilder sources = new StringBuilder();
				for (InputStreamSource source : files.getGeneratedFiles(Kind.SOURCE).values()) {
					sources.append(new String(source.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
				}
				assertThat(sources).contains("NamedChatModels.chatModel(", "NamedChatModels.memoryChatModel(",
						"\"linkAiMemoryChatModel\"");
			});
	}

	static class MemoryConsumer {

		final ChatModel memory;

		MemoryConsumer(@Qualifier("linkAiMemoryChatModel") ChatModel memory) {
			this.memory = memory;
		}

	}

	static class QualifiedConsumer {

		final ChatModel plain;

		final ChatModel support;

		final ChatModel supportMemory;

		final ChatModel eng;

		QualifiedConsumer(ChatModel plain, @Qualifier("support") ChatModel support,
				@Qualifier("supportMemoryChatModel") ChatModel supportMemory, @Qualifier("eng") ChatModel eng) {
			this.plain = plain;
			this.support = support;
			this.supportMemory = supportMemory;
			this.eng = eng;
		}

	}

}
