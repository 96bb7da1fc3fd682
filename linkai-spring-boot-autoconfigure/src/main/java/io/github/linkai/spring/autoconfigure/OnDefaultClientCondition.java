package io.github.linkai.spring.autoconfigure;

import io.github.linkai.spring.client.spi.ChatProvider;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the top-level client is configured ({@code linkai.api-key} is set). */
class OnDefaultClientCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return LinkAiProviders.binder(context).hasDefaultClient() ? ConditionOutcome.match("linkai.api-key is set")
				: ConditionOutcome.noMatch("linkai.api-key is not set");
	}

	/**
	 * Matches when the top-level client is configured and its provider has memory chat.
	 */
	static class WithMemoryChat extends OnDefaultClientCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionOutcome outcome = super.getMatchOutcome(context, metadata);
			if (!outcome.isMatch()) {
				return outcome;
			}
			ClientPropertiesBinder binder = LinkAiProviders.binder(context);
			String id = binder.defaultProviderId();
			ChatProvider<?> provider = binder.provider(id);
			return (provider != null && provider.hasMemoryChat())
					? ConditionOutcome.match("linkai.provider " + id + " has memory chat")
					: ConditionOutcome.noMatch("linkai.provider " + id + " has no memory chat");
		}

	}

}
