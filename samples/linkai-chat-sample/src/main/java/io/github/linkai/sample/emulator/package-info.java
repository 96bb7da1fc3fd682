/**
 * A stand-in for the chat providers' HTTP APIs, for samples and demos that must run without an API key or
 * a network: {@link io.github.linkai.sample.emulator.ProviderEmulator} serves one
 * {@link io.github.linkai.sample.emulator.EmulatedApi} per provider on 127.0.0.1, speaking the documented
 * request and reply formats with deterministic answers.
 */
@NullMarked
package io.github.linkai.sample.emulator;

import org.jspecify.annotations.NullMarked;
