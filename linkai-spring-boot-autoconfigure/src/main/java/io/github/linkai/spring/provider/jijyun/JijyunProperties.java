package io.github.linkai.spring.provider.jijyun;

import java.util.ArrayList;
import java.util.List;

import io.github.linkai.spring.client.spi.BlankSettings;
import org.jspecify.annotations.Nullable;

/**
 * A Jijyun client's own settings, defaults for the body fields of the same names:
 * {@code linkai.jijyun.*} or {@code linkai.clients.<name>.jijyun.*}.
 */
public class JijyunProperties {

	/** Jijyun assistant id (ibotID). */
	private @Nullable String ibotId;

	/** Jijyun knowledge id (knowledge). */
	private @Nullable String knowledge;

	/** Whether Jijyun uses its search engine (search). */
	private @Nullable Boolean search;

	/** Tools the Jijyun assistant may use (tools). */
	private List<String> tools = new ArrayList<>();

	/** Jijyun intentions (intention). */
	private List<String> intention = new ArrayList<>();

	/** Background setting of a Jijyun conversation (system). */
	private @Nullable String system;

	/** Format of Jijyun's returned content (return_format). */
	private @Nullable String returnFormat;

	/** How the Jijyun knowledge assistant handles a question (handler_type). */
	private @Nullable String handlerType;

	/** The fixed reply of the Jijyun knowledge assistant (fix_content). */
	private @Nullable String fixContent;

	public @Nullable String getIbotId() {
		return this.ibotId;
	}

	public void setIbotId(@Nullable String ibotId) {
		this.ibotId = ibotId;
	}

	public @Nullable String getKnowledge() {
		return this.knowledge;
	}

	public void setKnowledge(@Nullable String knowledge) {
		this.knowledge = knowledge;
	}

	public @Nullable Boolean getSearch() {
		return this.search;
	}

	public void setSearch(@Nullable Boolean search) {
		this.search = search;
	}

	public List<String> getTools() {
		return this.tools;
	}

	public void setTools(List<String> tools) {
		this.tools = tools;
	}

	public List<String> getIntention() {
		return this.intention;
	}

	public void setIntention(List<String> intention) {
		this.intention = intention;
	}

	public @Nullable String getSystem() {
		return this.system;
	}

	public void setSystem(@Nullable String system) {
		this.system = system;
	}

	public @Nullable String getReturnFormat() {
		return this.returnFormat;
	}

	public void setReturnFormat(@Nullable String returnFormat) {
		this.returnFormat = returnFormat;
	}

	public @Nullable String getHandlerType() {
		return this.handlerType;
	}

	public void setHandlerType(@Nullable String handlerType) {
		this.handlerType = handlerType;
	}

	public @Nullable String getFixContent() {
		return this.fixContent;
	}

	public void setFixContent(@Nullable String fixContent) {
		this.fixContent = fixContent;
	}

	/**
	 * The default options these settings give; blank values and empty lists mean unset.
	 */
	JijyunOptions toOptions() {
		return JijyunOptions.builder()
			.ibotId(BlankSettings.unsetIfBlank(this.ibotId))
			.knowledge(BlankSettings.unsetIfBlank(this.knowledge))
			.search(this.search)
			.tools(BlankSettings.unsetIfBlank(this.tools))
			.intention(BlankSettings.unsetIfBlank(this.intention))
			.system(BlankSettings.unsetIfBlank(this.system))
			.returnFormat(BlankSettings.unsetIfBlank(this.returnFormat))
			.handlerType(BlankSettings.unsetIfBlank(this.handlerType))
			.fixContent(BlankSettings.unsetIfBlank(this.fixContent))
			.build();
	}

}
