/**
 * A minimal application using the LinkAI starter: it streams an answer and holds a
 * two-turn memory chat, against LinkAI when {@code linkai.api-key} is set and against an
 * embedded emulator otherwise.
 */
@NullMarked
package io.github.linkai.sample;

import org.jspecify.annotations.NullMarked;
