/**
 * The Spring glue's limits: the {@link io.github.linkai.spring.client.admission.CallGate}
 * of each client (calls in flight, request and token rates, budgets, its circuit breaker
 * and its keys), kept in this instance's memory or shared by every instance on Redis
 * through Bucket4j, and their meters.
 */
@NullMarked
package io.github.linkai.spring.limits;

import org.jspecify.annotations.NullMarked;
