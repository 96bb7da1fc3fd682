package io.github.linkai.spring.web;

import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A host application's chat endpoints, written once for both stacks as a user would: a
 * reactive JSON answer, a blocking one and a server-sent event stream, each on a client
 * chosen by name.
 */
@RestController
class ChatTestController {

	private final ChatClientRegistry clients;

	ChatTestController(ChatClientRegistry clients) {
		this.clients = clients;
	}

	@GetMapping("/chat")
	Mono<ChatResponse> chat(@RequestParam String q, @RequestParam(defaultValue = "default") String client,
			@RequestParam(required = false) @Nullable Double temperature) {
		return this.clients.get(client).chatReactive(request(q, temperature));
	}

	@GetMapping("/chat/blocking")
	ChatResponse chatBlocking(@RequestParam String q, @RequestParam(defaultValue = "default") String client) {
		return this.clients.get(client).chat(request(q, null));
	}

	@GetMapping("/chat/stream")
	Flux<ServerSentEvent<Object>> stream(@RequestParam String q, @RequestParam(defaultValue = "default") String client,
			@RequestParam(required = false) @Nullable Double temperature) {
		return ChatServerSentEvents.of(this.clients.get(client).stream(request(q, temperature)));
	}

	private static ChatRequest request(String question, @Nullable Double temperature) {
		return ChatRequest.builder().user(question).temperature(temperature).build();
	}

}
