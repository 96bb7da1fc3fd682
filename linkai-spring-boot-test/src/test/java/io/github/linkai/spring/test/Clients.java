package io.github.linkai.spring.test;

/** The test application's clients, one per provider, by name. */
enum Clients {

	LINKAI("default", "linkai"), LINGMA("eng", "lingma"), JIJYUN("search", "jijyun"), OPENAI("deepseek", "openai");

	final String client;

	final String provider;

	Clients(String client, String provider) {
		this.client = client;
		this.provider = provider;
	}

}
