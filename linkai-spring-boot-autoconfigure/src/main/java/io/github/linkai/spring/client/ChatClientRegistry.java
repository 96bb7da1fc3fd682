package io.github.linkai.spring.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * All configured clients by name: the top-level one as {@code default} and each
 * {@code linkai.clients.<name>} under its name. LinkAI clients also have a
 * {@link MemoryChatClient}.
 */
public final class ChatClientRegistry {

	/** The name of the client configured by the top-level properties. */
	public static final String DEFAULT_NAME = "default";

	private final Map<String, Registered> clients;

	/**
	 * A registry of the given clients, in their order.
	 * @param clients the clients; their names must differ
	 * @throws IllegalArgumentException if two clients share a name
	 */
	public ChatClientRegistry(List<Registered> clients) {
		Map<String, Registered> byName = new LinkedHashMap<>();
		for (Registered client : clients) {
			if (byName.putIfAbsent(client.chat().name(), client) != null) {
				throw new IllegalArgumentException("Two chat clients are named '" + client.chat().name() + "'");
			}
		}
		this.clients = Collections.unmodifiableMap(byName);
	}

	/** A registry of the given chat clients, known only by their providers. */
	public static ChatClientRegistry of(ChatClient... clients) {
		return new ChatClientRegistry(Stream.of(clients).map(Registered::of).toList());
	}

	/**
	 * The client of that name. @throws NoSuchElementException naming the known clients
	 */
	public ChatClient get(String name) {
		return registered(name).chat();
	}

	/**
	 * The memory-chat client of that LinkAI client.
	 * @throws NoSuchElementException if there is none
	 */
	public MemoryChatClient memory(String name) {
		Registered client = this.clients.get(name);
		MemoryChatClient memory = (client != null) ? client.memory() : null;
		if (memory == null) {
			throw new NoSuchElementException(
					"No LinkAI memory chat client named '" + name + "'; configured: " + memoryNames());
		}
		return memory;
	}

	/**
	 * What the client of that name talks to (provider, host, app code or organization),
	 * never a credential.
	 * @throws NoSuchElementException naming the known clients
	 */
	public ChatClientTarget target(String name) {
		return registered(name).target();
	}

	/** The names of all clients, in configuration order. */
	public Set<String> names() {
		return this.clients.keySet();
	}

	/** All clients, in configuration order. */
	public List<Registered> all() {
		return List.copyOf(this.clients.values());
	}

	/**
	 * The client of that name, with its memory chat client, if any, and its target.
	 * @throws NoSuchElementException naming the known clients
	 */
	public Registered registered(String name) {
		Registered client = this.clients.get(name);
		if (client == null) {
			throw new NoSuchElementException(
					"No chat client named '" + name + "'; configured: " + this.clients.keySet());
		}
		return client;
	}

	/**
	 * The names of the clients that have a memory chat client, in configuration order.
	 */
	public List<String> memoryNames() {
		return this.clients.values()
			.stream()
			.filter((client) -> client.memory() != null)
			.map((client) -> client.chat().name())
			.toList();
	}

	/**
	 * One configured client.
	 *
	 * @param chat its chat client
	 * @param memory its memory chat client, for a provider that keeps conversations
	 * @param target what it talks to
	 */
	public record Registered(ChatClient chat, @Nullable MemoryChatClient memory, ChatClientTarget target) {

		public Registered {
			Objects.requireNonNull(chat, "chat must not be null");
			Objects.requireNonNull(target, "target must not be null");
		}

		/** A chat client alone, known only by its provider. */
		public static Registered of(ChatClient chat) {
			return new Registered(chat, null, ChatClientTarget.of(chat));
		}

	}

}
