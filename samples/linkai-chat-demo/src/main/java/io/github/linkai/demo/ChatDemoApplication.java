package io.github.linkai.demo;

import io.github.linkai.spring.client.ChatClient;
import reactor.core.publisher.Flux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The chat demo: open {@code http://localhost:8080/}. */
@SpringBootApplication
public class ChatDemoApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(ChatDemoApplication.class, args);
		WebServer server = ((WebServerApplicationContext) context).getWebServer();
		if (server != null) {
			System.out.println("Chat demo ready: open http://localhost:" + server.getPort() + "/");
		}
		if (context.containsBean(StubEnvironmentPostProcessor.BEAN_NAME)) {
			// one streamed answer on the console, so that the starter is seen at work
			// before a browser is opened
			System.out.print("A first answer from the stub, streamed: ");
			context.getBean(ChatClient.class).stream("Hello").doOnNext((chunk) -> {
				System.out.print(chunk.delta());
				System.out.flush();
			}).onErrorResume((error) -> {
				System.out.print("[failed: " + error.getClass().getSimpleName() + "]");
				return Flux.empty();
			}).blockLast();
			System.out.println();
		}
	}

}
