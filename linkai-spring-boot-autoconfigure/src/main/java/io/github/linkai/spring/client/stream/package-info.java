/**
 * What Spring's server-sent-events reader does not know about provider streams: the
 * {@code [DONE]} marker, error objects inside the stream, and streams that end early.
 */
@NullMarked
package io.github.linkai.spring.client.stream;

import org.jspecify.annotations.NullMarked;
