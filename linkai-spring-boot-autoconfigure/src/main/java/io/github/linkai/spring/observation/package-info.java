/**
 * Observation of chat calls with Micrometer's Observation API, named after the
 * OpenTelemetry GenAI semantic conventions: the context a call fills in, the documented
 * keys, the replaceable convention that holds every name, and the handler that records
 * the meters beside the observation's own timer.
 */
@NullMarked
package io.github.linkai.spring.observation;

import org.jspecify.annotations.NullMarked;
