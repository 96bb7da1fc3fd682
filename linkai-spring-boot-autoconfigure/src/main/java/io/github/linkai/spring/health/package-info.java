/**
 * The chat clients' health: passive tracking of how real calls end
 * ({@link io.github.linkai.spring.health.ChatClientHealthTracker}), an optional active
 * probe, and one reactive health indicator per client. Nothing here names a provider:
 * errors are judged by their type ({@link io.github.linkai.spring.health.CallOutcome}),
 * which each provider's status mapping already chose.
 */
@NullMarked
package io.github.linkai.spring.health;

import org.jspecify.annotations.NullMarked;
