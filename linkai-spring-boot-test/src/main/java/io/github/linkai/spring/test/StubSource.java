package io.github.linkai.spring.test;

import java.util.Objects;

/**
 * A search source as Jijyun returns it with {@code "search": true}: {@code {"link",
 * "snippet", "title"}}.
 *
 * @param link the page's address
 * @param snippet a short excerpt
 * @param title the page's title
 */
public record StubSource(String link, String snippet, String title) {

	public StubSource {
		Objects.requireNonNull(link, "link must not be null");
		Objects.requireNonNull(snippet, "snippet must not be null");
		Objects.requireNonNull(title, "title must not be null");
	}

}
