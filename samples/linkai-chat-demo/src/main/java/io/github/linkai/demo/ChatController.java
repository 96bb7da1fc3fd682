package io.github.linkai.demo;

import java.util.Arrays;
import java.util.List;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.ChatClientTarget;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.test.ProviderStub;
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
 */
@RestController
@RequestMapping("/api")
class ChatController {

	private final ChatClientRegistry clients;

	private final List<FaultInfo> faults;

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
	 * first chunk.
	 */
	@GetMapping(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> stream(ChatTurn turn) {
		ChatRequest request = request(turn);
		Flux<ChatChunk> chunks = turn.toMemory() ? memoryClient(turn).stream(request) : client(turn).stream(request);
		return ChatServerSentEvents.of(chunks);
	}

	private ClientInfo info(String name) {
		ChatClientRegistry.Registered client = this.clients.registered(name);
		ChatClientTarget target = client.target();
		return new ClientInfo(name, target.provider(), target.host(), target.description(), client.memory() != null);
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
