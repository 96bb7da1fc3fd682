package io.github.linkai.spring.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * All configured clients by name: the top-level one as {@code default} and each
 * {@code linkai.clients.<name>} under its name. LinkAI clients also have a
 * {@link MemoryChatClient}.
 */
public final class ChatClientRegistry {

	/** The name of the client configured by the top-level properties. */
	public static final String DEFAULT_NAME = "default";

	private final Map<String, ChatClient> clients;

	private final Map<String, MemoryChatClient> memoryClients;

	private final Map<String, ChatClientTarget> targets;

	/**
	 * A registry of the given clients, keyed by their names; their targets are known only
	 * by provider.
	 */
	public ChatClientRegistry(Map<String, ChatClient> clients, Map<String, MemoryChatClient> memoryClients) {
		this(clients, memoryClients, Map.of());
	}

	/**
	 * A registry of the given clients, keyed by their names, with what each talks to.
	 * @param targets the clients' targets by name; a client without one is known only by
	 * its provider
	 */
	public ChatClientRegistry(Map<String, ChatClient> clients, Map<String, MemoryChatClient> memoryClients,
			Map<String, ChatClientTarget> targets) {
		this.clients = Collections.unmodifiableMap(new LinkedHashMap<>(clients));
		this.memoryClients = Collections.unmodifiableMap(new LinkedHashMap<>(memoryClients));
		this.targets = Map.copyOf(targets);
	}

	/**
	 * The client of that name. @throws NoSuchElementException naming the known clients
	 */
	public ChatClient get(String name) {
		ChatClient client = this.clients.get(name);
		if (client == null) {
			throw new NoSuchElementException(
					"No chat client named '" + name + "'; configured: " + this.clients.keySet());
		}
		return client;
	}

	/**
	 * The memory-chat client of that LinkAI client. @throws NoSuchElementException if
	 * there is none
	 */
	public MemoryChatClient memory(String name) {
		MemoryChatClient client = this.memoryClients.get(name);
		if (client == null) {
			throw new NoSuchElementException(
					"No LinkAI memory chat client named '" + name + "'; configured: " + this.memoryClients.keySet());
		}
		return client;
	}

	/**
	 * What the client of that name talks to (provider, host, app code or organization),
	 * never a credential.
	 * @throws NoSuchElementException naming the known clients
	 */
	public ChatClientTarget target(String name) {
		ChatClientTarget target = this.targets.get(name);
		return (target != null) ? target : ChatClientTarget.of(get(name));
	}

	/** The names of all clients, in configuration order. */
	public Set<String> names() {
		return this.clients.keySet();
	}

	/** All clients by name. */
	public Map<String, ChatClient> clients() {
		return this.clients;
	}

	/** All memory-chat clients by name. */
	public Map<String, MemoryChatClient> memoryClients() {
		return this.memoryClients;
	}

}
