package io.github.linkai.spring.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.github.linkai.spring.autoconfigure.LinkAiAutoConfiguration;
import io.github.linkai.spring.autoconfigure.LinkAiWebAutoConfiguration;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The two web stacks a host application runs on, each a real server on a random loopback
 * port (Tomcat with Spring MVC, Reactor Netty with WebFlux) with the auto-configurations
 * such an application has, the starter's included, and {@link ChatTestController}.
 */
enum WebStack {

	SERVLET(WebApplicationType.SERVLET, ServletApplication.class),

	REACTIVE(WebApplicationType.REACTIVE, ReactiveApplication.class);

	private final WebApplicationType type;

	private final Class<?> application;

	WebStack(WebApplicationType type, Class<?> application) {
		this.type = type;
		this.application = application;
	}

	/** Starts the application with the given properties. */
	ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(this.application).web(this.type)
			.properties("server.port=0", "server.address=127.0.0.1", "server.shutdown=immediate",
					"spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

	/** A client of the application's server. */
	static WebTestClient client(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	/** A loopback port nothing listens on: a connection to it is refused. */
	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class, LinkAiAutoConfiguration.class,
			LinkAiWebAutoConfiguration.class })
	@Import(ChatTestController.class)
	static class StarterConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
			ErrorMvcAutoConfiguration.class, TaskExecutionAutoConfiguration.class })
	@Import(StarterConfiguration.class)
	static class ServletApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
			WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class, ErrorWebFluxAutoConfiguration.class })
	@Import(StarterConfiguration.class)
	static class ReactiveApplication {

	}

}
