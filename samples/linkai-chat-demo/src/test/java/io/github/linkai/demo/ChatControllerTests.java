package io.github.linkai.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.linkai.spring.web.ChatServerSentEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's endpoints over HTTP, on the provider stub the application starts when no key
 * is set: the client list, a JSON answer, a memory conversation, a streamed answer,
 * errors as problem JSON and as a final {@code error} event, the status panel's figures
 * and the {@code linkai} health component.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ChatControllerTests {

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
	};

	private WebTestClient web;

	// a client of its own, not Boot's auto-configured one: this test then shares the
	// browser test's context
	@BeforeEach
	void connect(@LocalServerPort int port) {
		this.web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	@Test
	void clientsListsEveryConfiguredClientWithoutCredentials() {
		this.web.get()
			.uri("/api/clients")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].name")
			.isEqualTo(List.of("default", "search", "coder", "openai", "resilient", "backup"))
			.jsonPath("$[*].provider")
			.isEqualTo(List.of("linkai", "jijyun", "lingma", "openai", "linkai", "openai"))
			.jsonPath("$[0].memory")
			.isEqualTo(true)
			.jsonPath("$[1].memory")
			.isEqualTo(false)
			.jsonPath("$[0].host")
			.isEqualTo("127.0.0.1")
			.jsonPath("$[*].tools")
			.isEqualTo(List.of(true, false, false, true, true, true));
	}

	@Test
	void aFallbackChainsEventsNameTheClientThatAnswered() {
		List<ServerSentEvent<Map<String, Object>>> events = this.web.get()
			.uri((uri) -> uri.path("/api/chat/stream")
				.queryParam("client", "resilient")
				.queryParam("message", "Hello " + DemoFault.LINKAI_DOWN.marker())
				.build())
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.collectList()
			.block();
		assertThat(events).isNotNull();
		assertThat(events.get(events.size() - 1).event()).as("%s", events).isEqualTo(ChatServerSentEvents.DONE_EVENT);
		assertThat(events.subList(0, events.size() - 1)).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.data()).containsEntry("client", "backup"));
	}

	@Test
	void statusGivesEachClientsFiguresFromItsMeters() {
		this.web.post()
			.uri("/api/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("client", "search", "message", "What does it cost?"))
			.exchange()
			.expectStatus()
			.isOk();
		this.web.get()
			.uri("/api/status")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].name")
			.isEqualTo(List.of("default", "search", "coder", "openai", "resilient", "backup"))
			.jsonPath("$[1].calls")
			.value(Integer.class, (calls) -> assertThat(calls).isPositive())
			.jsonPath("$[1].cost")
			.value(Double.class, (cost) -> assertThat(cost).isPositive());
	}

	@Test
	void chatAnswersWithJson() {
		this.web.post()
			.uri("/api/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("client", "search", "message", "What is Spring Boot?"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.provider")
			.isEqualTo("jijyun")
			.jsonPath("$.content")
			.value(String.class, (content) -> assertThat(content).contains("You asked: \"What is Spring Boot?\""))
			.jsonPath("$.cost")
			.isNumber()
			.jsonPath("$.sources[0].link")
			.isNotEmpty()
			.jsonPath("$.providerFields")
			.doesNotExist();
	}

	@Test
	void chatContinuesAMemorySession() {
		ChatAnswer first = this.web.post()
			.uri("/api/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("message", "My name is Xiaoming", "memory", true))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ChatAnswer.class)
			.returnResult()
			.getResponseBody();
		assertThat(first).isNotNull();
		assertThat(first.sessionId()).isNotBlank();
		this.web.post()
			.uri("/api/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("message", "What is my name?", "memory", true, "sessionId", first.sessionId()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.sessionId")
			.isEqualTo(first.sessionId())
			.jsonPath("$.content")
			.value(String.class, (content) -> assertThat(content).contains("turn 2")
				.contains("Last turn you said: \"My name is Xiaoming\""));
	}

	@Test
	void chatWithABlankMessageIsABadRequestProblem() {
		this.web.post()
			.uri("/api/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("message", " "))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("message must not be blank");
	}

	@Test
	void chatWithMemoryOnAClientWithoutItIsABadRequestProblem() {
		this.web.post()
			.uri("/api/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("client", "coder", "message", "hi", "memory", true))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("'coder' has no memory chat"));
	}

	@Test
	void providerRateLimitIsATooManyRequestsProblem() {
		this.web.post()
			.uri("/api/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("client", "openai", "message", "Hello " + DemoFault.RATE_LIMITED.marker()))
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists("Retry-After")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(429)
			.jsonPath("$.provider")
			.isEqualTo("openai");
	}

	@Test
	void streamSendsTheAnswerAsEventsEndingWithTheFinishReason() {
		List<ServerSentEvent<Map<String, Object>>> events = stream("/api/chat/stream?client=coder&message={message}",
				"What is Spring Boot?");
		assertThat(events).hasSizeGreaterThan(3);
		List<ServerSentEvent<Map<String, Object>>> chunks = events.subList(0, events.size() - 1);
		assertThat(chunks).allSatisfy((chunk) -> assertThat(chunk.event()).isNull());
		StringBuilder answer = new StringBuilder();
		chunks.forEach((chunk) -> answer.append(chunk.data().getOrDefault("delta", "")));
		assertThat(answer).contains("You asked: \"What is Spring Boot?\"");
		assertThat(chunks.get(chunks.size() - 1).data()).containsKey("finishReason");
		assertThat(events.get(events.size() - 1).event()).isEqualTo(ChatServerSentEvents.DONE_EVENT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai", "default" })
	void streamRunsTheLocalToolWithTheModelsReasoningAndToolCallsAsEvents(String client) {
		List<ServerSentEvent<Map<String, Object>>> events = stream("/api/chat/stream?client={client}&message={message}",
				client, "What time is it in Tokyo?");

		StringBuilder reasoning = new StringBuilder();
		StringBuilder arguments = new StringBuilder();
		StringBuilder answer = new StringBuilder();
		List<String> names = new ArrayList<>();
		for (ServerSentEvent<Map<String, Object>> event : events) {
			if (event.event() == null) {
				reasoning.append(event.data().getOrDefault("reasoningDelta", ""));
				answer.append(event.data().getOrDefault("delta", ""));
				for (Object fragment : (List<?>) event.data().getOrDefault("toolCalls", List.of())) {
					Map<?, ?> call = (Map<?, ?>) fragment;
					if (call.get("name") != null) {
						names.add((String) call.get("name"));
					}
					arguments.append((call.get("arguments") != null) ? call.get("arguments") : "");
				}
			}
		}
		assertThat(names).containsExactly("current_time");
		assertThat(arguments).hasToString("{\"city\":\"Tokyo\"}");
		assertThat(reasoning).contains("The user asks for the time in Tokyo").contains("The tool gave the local time");
		ServerSentEvent<Map<String, Object>> result = events.stream()
			.filter((event) -> ChatController.TOOL_RESULT_EVENT.equals(event.event()))
			.findFirst()
			.orElseThrow();
		assertThat(result.data()).containsEntry("name", "current_time");
		assertThat((String) result.data().get("result")).matches("Tokyo: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(JST\\)");
		assertThat(answer).startsWith("From the tools: \"Tokyo: ").doesNotContain("The user asks");
		assertThat(events.get(events.size() - 1).event()).isEqualTo(ChatServerSentEvents.DONE_EVENT);
	}

	@Test
	void streamForAnUnknownClientIsABadRequestProblemNotAStream() {
		this.web.get()
			.uri("/api/chat/stream?client=nope&message=hi")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("No chat client named 'nope'; configured: [default, search, coder, openai, resilient, backup]");
	}

	@Test
	void healthHasAnEntryPerClientUnderLinkai() {
		this.web.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.linkai.components.default.details.provider")
			.isEqualTo("linkai")
			.jsonPath("$.components.linkai.components.search.details.provider")
			.isEqualTo("jijyun")
			.jsonPath("$.components.linkai.components.coder.details.provider")
			.isEqualTo("lingma")
			.jsonPath("$.components.linkai.components.openai.details.provider")
			.isEqualTo("openai");
	}

	@Test
	void streamCutMidwayEndsWithAnErrorEvent() {
		List<ServerSentEvent<Map<String, Object>>> events = stream("/api/chat/stream?message={message}",
				"Hello " + DemoFault.CUT.marker());
		assertThat(events).hasSizeGreaterThan(1);
		ServerSentEvent<Map<String, Object>> last = events.get(events.size() - 1);
		assertThat(last.event()).isEqualTo(ChatServerSentEvents.ERROR_EVENT);
		assertThat(last.data()).containsEntry("status", 502);
	}

	/**
	 * The events of a stream that answered 200, the {@code done} or {@code error} event
	 * last.
	 */
	private List<ServerSentEvent<Map<String, Object>>> stream(String uri, Object... variables) {
		return this.web.get()
			.uri(uri, variables)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.collectList()
			.block();
	}

}
