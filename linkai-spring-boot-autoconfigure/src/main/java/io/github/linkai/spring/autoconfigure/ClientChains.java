package io.github.linkai.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.admission.GatedCalls;
import io.github.linkai.spring.client.fallback.FallbackChatClient;
import io.github.linkai.spring.client.fallback.FallbackListener;
import io.github.linkai.spring.client.fallback.FallbackTarget;
import io.github.linkai.spring.limits.BreakerSettings;
import io.github.linkai.spring.limits.ClientLimits;
import io.github.linkai.spring.limits.Limits;
import reactor.core.scheduler.Scheduler;

/**
 * Puts each configured client behind its gate (its limits, budget, breaker and key pool),
 * and a client with {@code fallback} at the head of its chain: the registry's entry (and
 * so its beans and its Spring AI model) is then the chain, whose other clients stay
 * usable on their own. A client's memory chat shares its gate and never falls back. A
 * client's breaker is on when it is in a chain, unless {@code breaker.enabled} says
 * otherwise.
 */
final class ClientChains {

	private final Limits limits;

	private final FallbackListener listener;

	private final Scheduler timer;

	private final Clock clock;

	ClientChains(Limits limits, FallbackListener listener, Scheduler timer, Clock clock) {
		this.limits = limits;
		this.listener = listener;
		this.timer = timer;
		this.clock = clock;
	}

	ChatClientRegistry apply(ConfiguredClients configured, ChatClientRegistry built) {
		Set<String> inChains = new HashSet<>();
		for (ConfiguredClient<?> client : configured.clients()) {
			if (!client.properties().getFallback().isEmpty()) {
				inChains.add(client.name());
				client.properties().getFallback().forEach((name) -> inChains.add(name.strip()));
			}
		}
		List<ChatClientRegistry.Registered> each = new ArrayList<>();
		for (ConfiguredClient<?> client : configured.clients()) {
			ChatClientRegistry.Registered registered = built.registered(client.name());
			GatedCalls calls = new GatedCalls(this.limits.gate(limits(client, inChains.contains(client.name()))),
					client.provider().id(), client.name(), client.defaults().model(), client.properties().getDeadline(),
					this.clock, configured.prices());
			MemoryChatClient memory = registered.memory();
			each.add(new ChatClientRegistry.Registered(calls.chatClient(registered.chat()),
					(memory != null) ? calls.memoryChatClient(memory) : null, registered.target()));
		}
		this.limits.gatesMade();
		ChatClientRegistry gated = new ChatClientRegistry(each);
		List<ChatClientRegistry.Registered> clients = new ArrayList<>();
		for (ConfiguredClient<?> client : configured.clients()) {
			ChatClientRegistry.Registered own = gated.registered(client.name());
			List<String> fallback = client.properties().getFallback();
			if (fallback.isEmpty()) {
				clients.add(own);
				continue;
			}
			List<FallbackTarget> chain = new ArrayList<>();
			chain.add(new FallbackTarget(own.chat(), client.provider().supportedOptions()));
			for (String name : fallback) {
				ConfiguredClient<?> target = configured.clients()
					.stream()
					.filter((candidate) -> candidate.name().equals(name.strip()))
					.findFirst()
					.orElseThrow();
				chain.add(new FallbackTarget(gated.get(target.name()), target.provider().supportedOptions()));
			}
			ChatClient head = new FallbackChatClient(chain, this.listener, client.properties().getDeadline(),
					this.timer);
			clients.add(new ChatClientRegistry.Registered(head, own.memory(), own.target()));
		}
		return new ChatClientRegistry(clients);
	}

	private static ClientLimits limits(ConfiguredClient<?> client, boolean inChain) {
		LinkAiClientProperties properties = client.properties();
		BreakerSettings breaker = properties.getBreaker();
		boolean enabled = (breaker.getEnabled() != null) ? breaker.getEnabled() : inChain;
		return new ClientLimits(client.provider().id(), client.name(), properties.getLimits(), properties.getBudget(),
				enabled ? breaker : null, keyIds(properties.credentials()), properties.getKeyCooldown());
	}

	/**
	 * How instances name each key to each other: the first 12 hex digits of its SHA-256,
	 * which say nothing of a key of many random characters.
	 */
	static List<String> keyIds(List<String> credentials) {
		if (credentials.isEmpty()) {
			return List.of("0");
		}
		try {
			List<String> ids = new ArrayList<>(credentials.size());
			for (String credential : credentials) {
				byte[] digest = MessageDigest.getInstance("SHA-256")
					.digest(credential.getBytes(StandardCharsets.UTF_8));
				ids.add(HexFormat.of().formatHex(digest, 0, 6));
			}
			return ids;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
