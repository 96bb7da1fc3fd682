package io.github.linkai.spring.provider.linkai;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.linkai.spring.ToolRequests;
import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.JsonSchema;
import io.github.linkai.spring.client.ResponseFormat;
import io.github.linkai.spring.client.ToolChoice;
import io.github.linkai.spring.provider.openai.OpenAiWire;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire types the provider declares are what the starter's runtime hints register for
 * Jackson (with {@link BindingReflectionHintsRegistrar}, which follows record
 * components): every record in a body the mapping really builds must be reachable from
 * them, including those behind a component typed {@code Object}.
 */
class LinkAiWireHintsTests {

	@Test
	void everyRecordOfAMultimodalChatBodyIsHintedForJackson() {
		RuntimeHints hints = new RuntimeHints();
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
				new LinkAiChatProvider().wireTypes().toArray(new Class<?>[0]));
		ChatRequest request = ChatRequest.builder()
			.system("You describe pictures.")
			.user("What is in this picture?", "https://example.com/cat.jpg")
			.message(ChatMessage.assistant(null, List.of(ToolRequests.CALL)).withReasoning("look"))
			.toolResult(ToolRequests.CALL.id(), "a cat")
			.tool(ToolRequests.CURRENT_TIME)
			.toolChoice(ToolChoice.function("current_time"))
			.responseFormat(ResponseFormat.jsonSchema("answer", JsonSchema.emptyObject()))
			.build();
		Object body = new LinkAiChatMapping("Link_TestKey", "https://api.link-ai.tech", LinkAiOptions.none())
			.toWire(request, true)
			.body();

		Set<Class<?>> records = new LinkedHashSet<>();
		collectRecords(body, records);

		// Message.content is an Object: a string, or a list of parts with an image URL
		assertThat(records).contains(LinkAiWire.ChatBody.class, OpenAiWire.Message.class, OpenAiWire.Part.class,
				OpenAiWire.ImageUrl.class, OpenAiWire.OutToolCall.class, OpenAiWire.Tool.class,
				OpenAiWire.NamedToolChoice.class, OpenAiWire.ResponseFormatBody.class);
		for (Class<?> record : records) {
			for (RecordComponent component : record.getRecordComponents()) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
					.as("%s.%s() is hinted", record.getSimpleName(), component.getName())
					.accepts(hints);
			}
		}
	}

	/**
	 * The records in an object graph of records, collections and maps, as Jackson walks
	 * it when writing.
	 */
	private static void collectRecords(Object value, Set<Class<?>> records) {
		if (value instanceof Collection<?> collection) {
			collection.forEach((element) -> collectRecords(element, records));
		}
		else if (value instanceof Map<?, ?> map) {
			map.values().forEach((element) -> collectRecords(element, records));
		}
		else if (value != null && value.getClass().isRecord()) {
			records.add(value.getClass());
			for (RecordComponent component : value.getClass().getRecordComponents()) {
				try {
					component.getAccessor().setAccessible(true);
					collectRecords(component.getAccessor().invoke(value), records);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
	}

}
