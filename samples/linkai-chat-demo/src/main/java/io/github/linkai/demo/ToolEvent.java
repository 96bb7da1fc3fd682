package io.github.linkai.demo;

/**
 * The data of a {@code tool-result} event of the demo's stream: a tool the model called
 * ran, and this is what it answered, sent back to the model with the conversation.
 *
 * @param id the call's id
 * @param name the tool's name
 * @param result what the tool answered
 */
public record ToolEvent(String id, String name, String result) {
}
