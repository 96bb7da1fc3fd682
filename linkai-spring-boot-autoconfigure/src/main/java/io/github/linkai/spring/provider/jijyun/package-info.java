/**
 * Jijyun (语聚AI): chat ({@code POST /v1/openapi/chat}), authenticated by an {@code apiKey}
 * query parameter that only the transport ever sees.
 */
@NullMarked
package io.github.linkai.spring.provider.jijyun;

import org.jspecify.annotations.NullMarked;
