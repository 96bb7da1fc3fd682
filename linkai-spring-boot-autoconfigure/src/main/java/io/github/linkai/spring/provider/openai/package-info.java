/**
 * Any endpoint that speaks OpenAI's chat completions ({@code POST
 * {base-url}/chat/completions}): DeepSeek, Moonshot, DashScope's compatible mode, Zhipu,
 * vLLM and the like. The OpenAI-shaped wire records and their mapping are public:
 * LinkAI's chat API has the same shape and reads it with them.
 */
@NullMarked
package io.github.linkai.spring.provider.openai;

import org.jspecify.annotations.NullMarked;
