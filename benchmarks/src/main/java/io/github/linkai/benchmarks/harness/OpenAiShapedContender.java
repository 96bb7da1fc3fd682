package io.github.linkai.benchmarks.harness;

/**
 * Another library's OpenAI client, called blocking as its users call it, on the stub's
 * OpenAI-shaped variant: it cannot read LinkAI's documented reply, which has no
 * {@code id}.
 */
abstract class OpenAiShapedContender implements Contender {

	@Override
	public String note() {
		return "OpenAI-shaped reply";
	}

	@Override
	public boolean blocking() {
		return true;
	}

}
