package io.github.linkai.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.ChatClientTarget;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.ChatResponseAccumulator;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.test.ProviderStub;
import io.github.linkai.spring.web.ChatChunkEvent;
import io.github.linkai.spring.web.ChatProblemDetails;
import io.github.linkai.spring.web.ChatServerSentEvents;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo's API over the starter's {@link ChatClientRegistry}: the configured clients,
 * one answer as JSON, and an answer streamed as server-sent events. A provider's error
 * reaches the caller as the starter's problem details (a 429 stays a 429), as the
 * response or as the stream's last event; a mistake in the request itself is a 400
 * problem naming it.
 *
 * <p>
 * On a client whose provider has tools (LinkAI chat, OpenAI-compatible), the stream
 * offers the model one local tool, {@link CityTime current_time}, and runs the loop: the
 * chunks of each round as they come (reasoning and tool-call fragments included), merged
 * with a {@link ChatResponseAccumulator}; when the round ends with tool calls, the tool
 * runs, each result goes to the page as a {@code tool-result} event and back to the
 * model, and the next round streams.
 */
@RestController
@RequestMapping("/api")
class ChatController {

	/** The name of the event that tells a tool's result. */
	static final String TOOL_RESULT_EVENT = "tool-result";

	/** The providers whose chat takes tools. */
	private static final Set<String> TOOL_PROVIDERS = Set.of("linkai", "openai");

	/** Rounds of tool calls before the answer is taken as it is. */
	private static final int MAX_ROUNDS = 4;

	private final ChatClientRegistry clients;

	private final List<FaultInfo> faults;

	private final CityTime cityTime = new CityTime(Clock.systemUTC());

	ChatController(ChatClientRegistry clients, ObjectProvider<ProviderStub> stub) {
		this.clients = clients;
		this.faults = (stub.getIfAvailable() != null) ? Arrays.stream(DemoFault.values()).map(FaultInfo::of).toList()
				: List.of();
	}

	/** The configured clients, in configuration order. */
	@GetMapping("/clients")
	List<ClientInfo> clients() {
		return this.clients.names().stream().map(this::info).toList();
	}

	/** The faults the stub can act out; none when the clients talk to real providers. */
	@GetMapping("/faults")
	List<FaultInfo> faults() {
		return this.faults;
	}

	/** One answer, whole. */
	@PostMapping(path = "/chat", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ChatAnswer> chat(@RequestBody ChatTurn turn) {
		ChatRequest request = request(turn);
		Mono<ChatResponse> response = turn.toMemory() ? memoryClient(turn).chatReactive(request)
				: client(turn).chatReactive(request);
		return response.map(ChatAnswer::of);
	}

	/**
	 * One answer as it is generated: an event per chunk, then {@code done}, or
	 * {@code error} with the problem JSON when the provider fails, before or after the
	 * first chunk. With tools, a {@code tool-result} event after each tool that ran. Each
	 * chunk's event names the client that served it: on a client with a fallback chain,
	 * the one that answered.
	 */
	@GetMapping(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> stream(ChatTurn turn) {
		ChatRequest request = request(turn);
		if (turn.toMemory()) {
			return ChatServerSentEvents.of(memoryClient(turn).stream(request));
		}
		return answer(client(turn), request);
	}

	private Flux<ServerSentEvent<Object>> answer(ChatClient client, ChatRequest request) {
		if (!TOOL_PROVIDERS.contains(client.provider())) {
			return ChatServerSentEvents.of(client.stream(request));
		}
		ChatRequest withTool = request.mutate().tool(CityTime.DEFINITION).build();
		return Flux.defer(() -> round(client, withTool, 1))
			.concatWith(Mono.fromSupplier(
					() -> ServerSentEvent.<Object>builder(Map.of()).event(ChatServerSentEvents.DONE_EVENT).build()))
			.onErrorResume((error) -> Mono.just(ServerSentEvent.<Object>builder(ChatProblemDetails.forError(error))
				.event(ChatServerSentEvents.ERROR_EVENT)
				.build()));
	}

	/**
	 * One round: its chunks as events while they are merged; then, if it called tools,
	 * their results and the next round.
	 */
	private Flux<ServerSentEvent<Object>> round(ChatClient client, ChatRequest request, int round) {
		ChatResponseAccumulator whole = ChatResponseAccumulator.of(client);
		Flux<ServerSentEvent<Object>> chunks = client.stream(request)
			.map(whole::add)
			.map((chunk) -> ServerSentEvent.<Object>builder(ChatChunkEvent.of(chunk)).build());
		return chunks.concatWith(Flux.defer(() -> {
			ChatResponse answer = whole.response();
			if (!answer.hasToolCalls() || round >= MAX_ROUNDS) {
				return Flux.empty();
			}
			ChatRequest.Builder next = request.mutate().message(answer.message());
			List<ServerSentEvent<Object>> results = new ArrayList<>(answer.toolCalls().size());
			for (ToolCall call : answer.toolCalls()) {
				String result = CityTime.DEFINITION.name().equals(call.name()) ? this.cityTime.run(call)
						: "error: no tool named " + call.name();
				next.toolResult(call.id(), result);
				results.add(ServerSentEvent.<Object>builder(new ToolEvent(call.id(), call.name(), result))
					.event(TOOL_RESULT_EVENT)
					.build());
			}
			return Flux.fromIterable(results).concatWith(round(client, next.build(), round + 1));
		}));
	}

	private ClientInfo info(String name) {
		ChatClientRegistry.Registered client = this.clients.registered(name);
		ChatClientTarget target = client.target();
		return new ClientInfo(name, target.provider(), target.host(), target.description(), client.memory() != null,
				TOOL_PROVIDERS.contains(target.provider()));
	}

	private static ChatRequest request(ChatTurn turn) {
		if (turn.message() == null || turn.message().isBlank()) {
			throw badRequest("message must not be blank");
		}
		if (!turn.toMemory() && turn.sessionId() != null) {
			throw badRequest("sessionId continues a memory chat: send it with memory=true");
		}
		return ChatRequest.builder().user(turn.message()).sessionId(turn.sessionId()).build();
	}

	private ChatClient client(ChatTurn turn) {
		return this.clients.get(knownName(turn));
	}

	private MemoryChatClient memoryClient(ChatTurn turn) {
		String name = knownName(turn);
		MemoryChatClient client = this.clients.registered(name).memory();
		if (client == null) {
			throw badRequest("Client '" + name + "' has no memory chat (only LinkAI clients have it); clients with it: "
					+ this.clients.memoryNames());
		}
		return client;
	}

	private String knownName(ChatTurn turn) {
		String name = (turn.client() != null && !turn.client().isBlank()) ? turn.client()
				: ChatClientRegistry.DEFAULT_NAME;
		if (!this.clients.names().contains(name)) {
			throw badRequest("No chat client named '" + name + "'; configured: " + this.clients.names());
		}
		return name;
	}

	private static ResponseStatusException badRequest(String detail) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
	}

}
