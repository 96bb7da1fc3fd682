package io.github.linkai.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when at least one client is configured: {@code linkai.api-key} or a
 * {@code linkai.clients.<name>}.
 */
class OnLinkAiClientsCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ClientPropertiesBinder binder = LinkAiProviders.binder(context);
		if (binder.hasDefaultClient()) {
			return ConditionOutcome.match("linkai.api-key is set");
		}
		if (!binder.namedClients().isEmpty()) {
			return ConditionOutcome.match("linkai.clients are configured");
		}
		return ConditionOutcome.noMatch("neither linkai.api-key nor linkai.clients is set");
	}

	/** Matches when no client is configured. */
	static class None extends SpringBootCondition {

		private final OnLinkAiClientsCondition clients = new OnLinkAiClientsCondition();

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionOutcome outcome = this.clients.getMatchOutcome(context, metadata);
			return new ConditionOutcome(!outcome.isMatch(), outcome.getConditionMessage());
		}

	}

}
