/**
 * Admission of a client's calls: the hook ({@link CallGate}) that decides whether and how
 * each call goes out (calls in flight, request and token rates, budgets, the circuit
 * breaker, the key of each attempt) and learns how it ended, the price table that turns
 * token usage into cost, and the decorator that applies a gate around a client. The core
 * defines the hook; the Spring glue implements it, in memory or shared on Redis.
 */
@NullMarked
package io.github.linkai.spring.client.admission;

import org.jspecify.annotations.NullMarked;
