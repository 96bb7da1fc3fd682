package io.github.linkai.spring.test;

import io.github.linkai.spring.client.ChatClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one test scripts and sends is gone in the next: the stub is reset before each test
 * method.
 */
@SpringBootTest(classes = StubbedApplication.class)
@LinkAiStub
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkAiStubResetTests {

	@Autowired
	ProviderStub stub;

	@Autowired
	ChatClient chat;

	@Test
	@Order(1)
	void scriptsAnAnswerAndQueuesAnother() {
		this.stub.answer(StubAnswer.text("scripted")).enqueue(StubAnswer.status(503));

		assertThat(this.stub.pendingAnswers()).isOne();
		assertThat(this.chat.chat("hi")).isEqualTo("scripted");
	}

	@Test
	@Order(2)
	void findsTheStubAsJustStarted() {
		assertThat(this.stub.requests()).isEmpty();
		assertThat(this.stub.pendingAnswers()).isZero();
		assertThat(this.chat.chat("hi")).contains("You asked: \"hi\"");
	}

}
