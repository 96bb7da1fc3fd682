package io.github.linkai.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @SpringBootTest} (or any Spring test context) against a
 * {@link ProviderStub}: the stub starts with the context on a free port of 127.0.0.1, is
 * a bean to inject and script, and every configured chat client (default and named,
 * whatever its provider) talks to it through a {@code LinkAiConnectionDetails} bean, with
 * the stub's credential: no property to change (that bean is primary, so it also wins
 * over connection details the application defines itself). The clients are those the
 * application's properties configure ({@code linkai.api-key},
 * {@code linkai.clients.<name>.*}); their {@code api-key} and {@code base-url} are not
 * used, so an unresolved {@code ${LINKAI_API_KEY}} does no harm. Before each test method
 * the stub is {@link ProviderStub#reset() reset}. The stub stops when the context closes.
 *
 * <pre>{@code
 * &#64;SpringBootTest

 * &#64;LinkAiStub
 * class AssistantTests {
 *
 *     &#64;Autowired ProviderStub stub;
 *
 *
&#64;Test
 *     void answers() {
 *         stub.answer(StubAnswer.text("你好"));
 *         ...
 *         assertThat(stub.lastRequest().content()).isEqualTo("hi");
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface LinkAiStub {

}
