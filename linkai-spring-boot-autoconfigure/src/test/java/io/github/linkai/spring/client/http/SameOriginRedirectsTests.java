package io.github.linkai.spring.client.http;

import io.github.linkai.spring.client.error.RedirectNotFollowedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SameOriginRedirects} and the origin
 * {@link RedirectNotFollowedException#origin} names.
 */
class SameOriginRedirectsTests {

	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@CsvSource(textBlock = """
			https://api.example.com/v1/chat, /v2/chat, true
			https://api.example.com/v1/chat, v2, true
			https://api.example.com/v1/chat, https://API.example.com:443/v2, true
			http://127.0.0.1:8080/a?apiKey=k, http://127.0.0.1:8080/b, true
			https://api.example.com/v1/chat, http://api.example.com/v1/chat, false
			https://api.example.com/v1/chat, //other.example.com/v1/chat, false
			https://api.example.com/v1/chat, https://api.example.com:8443/v1/chat, false
			http://127.0.0.1:8080/a, http://localhost:8080/a, false
			http://127.0.0.1:8080/a, http://127.0.0.1:8081/a, false
			https://api.example.com/v1/chat, https://user:pass@api.example.com/v1/chat, false
			https://api.example.com/v1/chat, ftp://api.example.com/v1/chat, false
			https://api.example.com/v1/chat, 'http://bad host/', false
			""")
	void followsOnlyToTheSameSchemeHostAndPort(String from, String location, boolean follow) {
		assertThat(SameOriginRedirects.isSameOrigin(from, location)).isEqualTo(follow);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(textBlock = """
			http://127.0.0.1:8080/v1/chat, https://other.example.com/path?apiKey=k#x, https://other.example.com
			http://127.0.0.1:8080/v1/chat, /moved?t=1, http://127.0.0.1:8080
			http://127.0.0.1:8080/v1/chat, HTTPS://user:pass@Other.example.com:8443/p, https://Other.example.com:8443
			http://127.0.0.1:8080/v1/chat, 'http://bad host/',
			http://127.0.0.1:8080/v1/chat, '  ',
			""")
	void anUnfollowedRedirectNamesTheOriginOnly(String request, String location, String origin) {
		assertThat(RedirectNotFollowedException.origin(java.net.URI.create(request), location)).isEqualTo(origin);
	}

}
