package io.github.linkai.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The chat page in a real browser (Debian's headless Chromium through its chromedriver,
 * no browser download), against the application on a random port and the provider stub it
 * starts when no key is set: an answer arrives piece by piece and completely, a memory
 * conversation continues across turns, and a provider fault shows as a readable message
 * (a 429 instead of the answer, a cut stream after what had arrived), and on the
 * {@code openai} and {@code default} clients the model's thinking in a collapsible block
 * and its call of the demo's tool as it happens, then the tool's result; a fault applies
 * once and stays out of the question's bubble, each answer names its client, the status
 * panel shows health and figures, and the input box and a growing answer stay in view
 * after many answers. Leaves screenshots of the page in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ChatPageBrowserTests {

	private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	private static ChromeDriver browser;

	@LocalServerPort
	private int port;

	private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

	@BeforeAll
	static void startBrowser(@TempDir Path profile) {
		// Debian's packages, never a downloaded browser; .ci/run installs them when they
		// are missing
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"the browser test needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + profile, "--window-size=1280,860");
		// The driver is given, so Selenium Manager neither looks for nor downloads one.
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void openPage() {
		browser.get("http://127.0.0.1:" + this.port + "/");
		// the page has loaded its clients and faults once it says what it runs on
		waitUp().until(ExpectedConditions.textMatches(By.id("mode"), Pattern.compile(".+")));
	}

	@Test
	void answerAppearsPieceByPieceThenCompletely() throws IOException {
		new Select(browser.findElement(By.id("client"))).selectByValue("search");
		recordAnswerStates();
		send("What is Spring Boot?");
		WebElement answer = finishedAnswer(1);
		assertThat(text(answer)).contains("You asked: \"What is Spring Boot?\"").endsWith(".");
		List<String> states = recordedStates();
		// every state a prefix of the next, at least two between empty and complete: it
		// streamed in
		assertThat(states.stream().filter((state) -> !state.isEmpty() && !state.equals(text(answer))))
			.hasSizeGreaterThan(1);
		for (int i = 1; i < states.size(); i++) {
			assertThat(states.get(i)).startsWith(states.get(i - 1));
		}
		assertThat(answer.findElement(By.cssSelector(".meta.usage")).getText()).contains("cost");
		assertThat(answer.findElements(By.cssSelector(".sources a"))).isNotEmpty()
			.allSatisfy((link) -> assertThat(link.getAttribute("href")).startsWith("https://"));
		screenshot("chat-stream.png");
	}

	@Test
	void memoryConversationContinuesAcrossTurns() throws IOException {
		new Select(browser.findElement(By.id("client"))).selectByValue("default");
		assertThat(browser.findElement(By.id("memory")).isSelected()).isTrue();
		send("My name is Xiaoming");
		assertThat(text(finishedAnswer(1))).contains("This is turn 1 of this session");
		String session = browser.findElement(By.id("session")).getText();
		assertThat(session).isNotBlank().isNotEqualTo("none yet");
		send("What is my name?");
		assertThat(text(finishedAnswer(2))).contains("This is turn 2 of this session")
			.contains("Last turn you said: \"My name is Xiaoming\"");
		assertThat(browser.findElement(By.id("session")).getText()).isEqualTo(session);
		screenshot("chat-memory.png");
	}

	@Test
	void providerFaultShowsAsReadableError() throws IOException {
		new Select(browser.findElement(By.id("client"))).selectByValue("default");
		new Select(browser.findElement(By.id("fault"))).selectByValue(DemoFault.RATE_LIMITED.marker());
		send("Hello");
		WebElement error = waitUp()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#transcript .assistant .error")));
		// the problem's status and title, then its detail
		assertThat(error.getText()).startsWith("429 ").contains(" — ");
		screenshot("chat-error.png");
	}

	@Test
	void streamCutMidAnswerKeepsWhatArrivedAndShowsTheError() {
		new Select(browser.findElement(By.id("client"))).selectByValue("coder");
		new Select(browser.findElement(By.id("fault"))).selectByValue(DemoFault.CUT.marker());
		send("Hello");
		WebElement error = waitUp()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#transcript .assistant .error")));
		assertThat(error.getText()).startsWith("502 ");
		assertThat(text(browser.findElement(By.cssSelector("#transcript .assistant")))).startsWith("Hello!");
	}

	@Test
	void aFaultAppliesOnceAndItsMarkerStaysOutOfTheQuestion() throws IOException {
		new Select(browser.findElement(By.id("client"))).selectByValue("search");
		new Select(browser.findElement(By.id("fault"))).selectByValue(DemoFault.UNAVAILABLE.marker());
		send("Hello");
		waitUp().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#transcript .assistant .error")));
		WebElement question = browser.findElement(By.cssSelector("#transcript .user"));
		assertThat(text(question)).isEqualTo("Hello");
		assertThat(question.findElement(By.className("fault-tag")).getText()).isEqualTo("fault: 503 unavailable");
		assertThat(new Select(browser.findElement(By.id("fault"))).getFirstSelectedOption().getText())
			.isEqualTo("none");
		send("Hello again");
		assertThat(text(finishedAnswer(2))).contains("You asked: \"Hello again\"");
		screenshot("chat-fault-once.png");
	}

	@Test
	void eachAnswerNamesItsClientAndTheStatusPanelShowsHealthAndFigures() throws IOException {
		assertThat(browser.findElement(By.id("target")).getText()).contains("the built-in stub")
			.doesNotContain("127.0.0.1");
		new Select(browser.findElement(By.id("client"))).selectByValue("search");
		send("What does it cost?");
		WebElement answer = finishedAnswer(1);
		assertThat(answer.findElement(By.className("served-by")).getText()).isEqualTo("search · Jijyun (语聚AI)");
		By searchStatus = By.cssSelector("#status li[data-client='search']");
		waitUp().until(ExpectedConditions.textMatches(searchStatus, Pattern.compile("(?s).*\\bup\\b.*cost.*")));
		assertThat(browser.findElement(searchStatus).getText()).containsPattern("[1-9][0-9]* calls?")
			.contains("first chunk");
		assertThat(browser.findElements(By.cssSelector("#status li"))).hasSize(6);
		Object favicon = ((JavascriptExecutor) browser).executeAsyncScript(
				"const done = arguments[0]; fetch(document.querySelector('link[rel=icon]').href).then((r) => done(r.status));");
		assertThat(favicon).isEqualTo(200L);
		screenshot("chat-status.png");
	}

	@Test
	void theResilientClientAnswersFromItsFallbackAndTheAnswerSaysSo() throws IOException {
		new Select(browser.findElement(By.id("client"))).selectByValue("resilient");
		WebElement memory = browser.findElement(By.id("memory"));
		if (memory.isDisplayed() && memory.isSelected()) {
			memory.click(); // a chain is for chat, not memory chat
		}
		new Select(browser.findElement(By.id("fault"))).selectByValue(DemoFault.LINKAI_DOWN.marker());
		send("Hello");
		WebElement answer = finishedAnswer(1);
		assertThat(answer.findElement(By.className("served-by")).getText())
			.isEqualTo("backup · an OpenAI-compatible API (fallback for resilient)");
		assertThat(text(answer)).isNotBlank();
		By resilientStatus = By.cssSelector("#status li[data-client='resilient']");
		waitUp()
			.until(ExpectedConditions.textMatches(resilientStatus, Pattern.compile("(?s).*budget: .* tokens used.*")));
		screenshot("chat-fallback.png");
	}

	@Test
	void theInputStaysInViewAfterTenAnswersAndAGrowingAnswerStaysInView() throws IOException {
		new Select(browser.findElement(By.id("client"))).selectByValue("coder");
		for (int i = 1; i <= 10; i++) {
			send("Question " + i);
			finishedAnswer(i);
		}
		assertThat(inView(browser.findElement(By.id("message")))).isTrue();
		assertThat(inView(browser.findElement(By.id("client")))).isTrue();
		assertThat(((JavascriptExecutor) browser).executeScript("return document.scrollingElement.scrollTop"))
			.isEqualTo(0L);
		new Select(browser.findElement(By.id("fault"))).selectByValue(DemoFault.SLOW.marker());
		send("A slow answer, please");
		By growing = By.cssSelector("#transcript .assistant:nth-of-type(22) .text");
		waitUp().until(ExpectedConditions.textMatches(growing, Pattern.compile(".{12,}")));
		assertThat(inView(browser.findElement(growing))).isTrue();
		screenshot("chat-long-transcript.png");
		finishedAnswer(11);
		assertThat(inView(browser.findElement(growing))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai", "default" })
	void thinkingAndEachToolCallShowAsTheyHappen(String client) throws IOException {
		new Select(browser.findElement(By.id("client"))).selectByValue(client);
		WebElement memory = browser.findElement(By.id("memory"));
		if (memory.isDisplayed() && memory.isSelected()) {
			memory.click(); // memory chat sends only the question: no tools there
		}
		assertThat(browser.findElement(By.id("tools")).isDisplayed()).isTrue();
		recordStepsOrder();
		send("What time is it in Tokyo?");
		WebElement answer = finishedAnswer(1);

		List<WebElement> thinking = answer.findElements(By.cssSelector(".steps details.thinking"));
		assertThat(thinking).hasSize(2);
		assertThat(thinking.get(0).getAttribute("open")).isNull(); // collapsed once the
																	// model moved on
		thinking.get(0).findElement(By.tagName("summary")).click();
		assertThat(thinking.get(0).findElement(By.className("reasoning")).getText())
			.contains("The user asks for the time in Tokyo");
		WebElement call = answer.findElement(By.cssSelector(".steps .tool-call"));
		assertThat(call.findElement(By.className("tool-name")).getText()).isEqualTo("current_time");
		assertThat(call.findElement(By.className("tool-arguments")).getText()).isEqualTo("{\"city\":\"Tokyo\"}");
		assertThat(call.findElement(By.className("tool-result")).getText()).startsWith("→ Tokyo: ").endsWith("(JST)");
		assertThat(text(answer)).startsWith("From the tools: \"Tokyo: ");
		// the call was on the page while the answer still streamed, before its text began
		assertThat(recordedStates()).containsSubsequence("thinking", "tool-call", "text", "done");
		screenshot("chat-tools-" + client + ".png");
	}

	/**
	 * Whether the element's bottom edge shows in the window and in the transcript's
	 * scrolled view.
	 */
	private static boolean inView(WebElement element) {
		return (Boolean) ((JavascriptExecutor) browser).executeScript("""
				const box = arguments[0].getBoundingClientRect();
				const transcript = document.getElementById('transcript').getBoundingClientRect();
				const inWindow = box.bottom <= window.innerHeight;
				const inTranscript = !document.getElementById('transcript').contains(arguments[0])
				    || (box.bottom <= transcript.bottom + 1 && box.bottom >= transcript.top);
				return inWindow && inTranscript;
				""", element);
	}

	private static void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
	}

	private static void send(String message) {
		WebElement input = browser.findElement(By.id("message"));
		input.sendKeys(message);
		input.sendKeys(Keys.ENTER);
	}

	/** The n-th answer, once it is complete. */
	private static WebElement finishedAnswer(int n) {
		By answer = By.cssSelector("#transcript .assistant:nth-of-type(" + (2 * n) + ")");
		waitUp().until(ExpectedConditions.attributeContains(answer, "class", "done"));
		return browser.findElement(answer);
	}

	private static String text(WebElement answer) {
		return answer.findElement(By.className("text")).getText();
	}

	/**
	 * Records each text the newest answer shows, as the page changes it, so that
	 * streaming can be checked.
	 */
	private static void recordAnswerStates() {
		((JavascriptExecutor) browser).executeScript(
				"""
						window.answerStates = [];
						new MutationObserver(() => {
						  const answers = document.querySelectorAll('#transcript .assistant .text');
						  const text = answers.length ? answers[answers.length - 1].textContent : null;
						  if (text !== null && text !== window.answerStates.at(-1)) window.answerStates.push(text);
						}).observe(document.getElementById('transcript'), { childList: true, subtree: true, characterData: true });
						""");
	}

	/**
	 * Records, in order, when the newest answer first shows a thinking block, a tool
	 * call, text, and is done.
	 */
	private static void recordStepsOrder() {
		((JavascriptExecutor) browser).executeScript(
				"""
						window.answerStates = [];
						const seen = (state) => { if (!window.answerStates.includes(state)) window.answerStates.push(state); };
						new MutationObserver(() => {
						  const answers = document.querySelectorAll('#transcript .assistant');
						  const answer = answers[answers.length - 1];
						  if (!answer) return;
						  if (answer.querySelector('.thinking')) seen('thinking');
						  if (answer.querySelector('.tool-call .tool-name')?.textContent) seen('tool-call');
						  if (answer.querySelector('.text').textContent) seen('text');
						  if (answer.classList.contains('done')) seen('done');
						}).observe(document.getElementById('transcript'), { childList: true, subtree: true, characterData: true, attributes: true });
						""");
	}

	@SuppressWarnings("unchecked")
	private static List<String> recordedStates() {
		return (List<String>) ((JavascriptExecutor) browser).executeScript("return window.answerStates;");
	}

	private static WebDriverWait waitUp() {
		return new WebDriverWait(browser, Duration.ofSeconds(10));
	}

}
