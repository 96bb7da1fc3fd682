package io.github.linkai.spring.web;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The event data Jackson writes by reflection in a native image: an event stream's
 * element type is {@code ServerSentEvent<Object>}, so AOT processing of the controller
 * cannot see {@link ChatChunkEvent}. Registered in {@code META-INF/spring/aot.factories},
 * as Spring registers {@code ProblemDetail}'s, so it holds whether or not the
 * problem-detail advice is on.
 */
class ChatWebRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), ChatChunkEvent.class);
	}

}
