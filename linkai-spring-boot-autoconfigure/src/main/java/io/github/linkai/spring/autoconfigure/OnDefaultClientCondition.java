package io.github.linkai.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the top-level client is configured ({@code linkai.api-key} is set). */
class OnDefaultClientCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return LinkAiClientsBinding.hasDefaultClient(context.getEnvironment())
				? ConditionOutcome.match("linkai.api-key is set") : ConditionOutcome.noMatch("linkai.api-key is not set");
	}

	/** Matches when the top-level client is configured and talks to LinkAI (which has memory chat). */
	static class OnDefaultLinkAiClient extends OnDefaultClientCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionOutcome outcome = super.getMatchOutcome(context, metadata);
			if (!outcome.isMatch()) {
				return outcome;
			}
			LinkAiProvider provider = LinkAiClientsBinding.defaultProvider(context.getEnvironment());
			return (provider == LinkAiProvider.LINKAI) ? ConditionOutcome.match("linkai.provider is linkai")
					: ConditionOutcome.noMatch("linkai.provider is " + provider.id());
		}

	}

}
