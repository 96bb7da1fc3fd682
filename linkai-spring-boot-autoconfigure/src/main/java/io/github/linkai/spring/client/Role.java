package io.github.linkai.spring.client;

/** The author of a chat message, as the providers name it on the wire. */
public enum Role {

	/** Instructions that frame the conversation; providers expect it first. */
	SYSTEM("system"),

	/** The end user's turn. */
	USER("user"),

	/** The model's earlier answers, sent back as history. */
	ASSISTANT("assistant"),

	/** The result of a tool the model called, answering one of its tool calls. */
	TOOL("tool");

	private final String wireName;

	Role(String wireName) {
		this.wireName = wireName;
	}

	/** The lower-case name the provider APIs use. */
	public String wireName() {
		return this.wireName;
	}

}
