package io.github.linkai.demo;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard asks for what the application really exposes: after streamed
 * answers with tokens and with a cost, and a retried failure, every metric and every
 * grouping label its queries name is in {@code /actuator/prometheus}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GrafanaDashboardTests {

	private static final Path DASHBOARD = Paths.get("grafana", "linkai-chat-demo-dashboard.json");

	// a selector, metric{...}, or the variable's label_values(metric, label)
	private static final Pattern METRIC = Pattern.compile("\\b([a-z_]+)\\{|label_values\\(([a-z_]+),");

	private static final Pattern GROUPING = Pattern.compile("\\bby \\(([^)]*)\\)|label_values\\([a-z_]+, ([a-z_]+)\\)");

	@Test
	void everyQueryNamesMetricsAndLabelsTheApplicationExposes(@LocalServerPort int port) {
		WebTestClient web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
		// LinkAI reports tokens, Jijyun a cost
		for (String client : List.of("default", "search")) {
			web.get()
				.uri("/api/chat/stream?client={client}&message=hello", client)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(String.class)
				.getResponseBody()
				.blockLast();
		}
		web.post()
			.uri("/api/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("message", "hello " + DemoFault.UNAVAILABLE.marker()))
			.exchange()
			.expectStatus()
			.isEqualTo(503);
		String scrape = web.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scrape).isNotNull();
		Set<String> series = scrape.lines()
			.filter((line) -> !line.startsWith("#"))
			.map((line) -> line.split("[{ ]", 2)[0])
			.collect(Collectors.toSet());

		List<String> queries = queries();
		assertThat(queries).hasSizeGreaterThan(10);
		for (String query : queries) {
			Matcher metric = METRIC.matcher(query);
			assertThat(metric.find()).as("a metric in %s", query).isTrue();
			do {
				String name = (metric.group(1) != null) ? metric.group(1) : metric.group(2);
				assertThat(series).as("series named in %s", query).contains(name);
			}
			while (metric.find());
			Matcher grouping = GROUPING.matcher(query);
			while (grouping.find()) {
				String labels = (grouping.group(1) != null) ? grouping.group(1) : grouping.group(2);
				for (String label : labels.split(",")) {
					assertThat(scrape).as("label %s of %s", label.strip(), query).contains(label.strip() + "=\"");
				}
			}
		}
	}

	/** The panels' queries and the client variable's. */
	private static List<String> queries() {
		JsonNode dashboard = JsonMapper.shared().readTree(DASHBOARD.toFile());
		List<String> queries = new ArrayList<>();
		dashboard.findValues("expr").forEach((expr) -> queries.add(expr.asString()));
		dashboard.findValues("definition").forEach((definition) -> queries.add(definition.asString()));
		return queries;
	}

}
