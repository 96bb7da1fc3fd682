package io.github.linkai.spring.provider.jijyun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

/** Jijyun's provider options. */
class JijyunOptionsTests {

	@Test
	void areForJijyun() {
		assertThat(JijyunOptions.none().provider()).isEqualTo("jijyun");
	}

	@Test
	void takeEveryUnsetFieldFromTheDefaults() {
		JijyunOptions defaults = JijyunOptions.builder()
			.ibotId("bot-default")
			.visitorId("visitor-default")
			.chatMode("mode-default")
			.knowledge("knowledge-default")
			.search(true)
			.tools(List.of("search"))
			.intention(List.of("意图"))
			.returnFormat("text")
			.fielditem(Map.of("name", "张三"))
			.handlerType("auto")
			.fixContent("固定回复")
			.system("默认背景")
			.build();
		JijyunOptions own = JijyunOptions.builder().ibotId("bot-request").search(false).tools(List.of()).build();
		assertThat(own.orElse(defaults))
			.isEqualTo(new JijyunOptions("bot-request", "visitor-default", "mode-default", "knowledge-default", false,
					List.of(), List.of("意图"), "text", Map.of("name", "张三"), "auto", "固定回复", "默认背景"));
		assertThat(JijyunOptions.none().orElse(defaults)).isEqualTo(defaults);
		assertThat(own.orElse(JijyunOptions.none())).isSameAs(own);
	}

	@Test
	void rejectABlankStringNamingTheField() {
		assertThatIllegalArgumentException().isThrownBy(() -> JijyunOptions.builder().ibotId(" ").build())
			.withMessageStartingWith("ibotId must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> JijyunOptions.builder().system("").build())
			.withMessageStartingWith("system must not be blank");
	}

	@Test
	void rejectANullOrBlankListEntryNamingTheField() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JijyunOptions.builder().tools(Arrays.asList("search", null)).build())
			.withMessage("tools must not hold a null or blank entry");
		assertThatIllegalArgumentException().isThrownBy(() -> JijyunOptions.builder().intention(List.of(" ")).build())
			.withMessage("intention must not hold a null or blank entry");
	}

	@Test
	void keepFielditemInTheCallersOrderWithNullValues() {
		Map<String, Object> contact = new LinkedHashMap<>();
		contact.put("z", 1);
		contact.put("a", null);
		JijyunOptions options = JijyunOptions.builder().fielditem(contact).build();
		contact.put("later", "not seen");
		assertThat(options.fielditem()).containsExactly(entry("z", 1), entry("a", null));
	}

	@Test
	void rejectAFielditemWithANullKey() {
		Map<String, Object> contact = new HashMap<>();
		contact.put(null, "x");
		assertThatIllegalArgumentException().isThrownBy(() -> JijyunOptions.builder().fielditem(contact).build())
			.withMessage("fielditem must not have a null key");
	}

	@Test
	void copyTheirLists() {
		List<String> tools = new ArrayList<>(List.of("search"));
		JijyunOptions options = JijyunOptions.builder().tools(tools).build();
		tools.add("later");
		assertThat(options.tools()).containsExactly("search");
	}

	@Test
	void printNoEndUserData() {
		JijyunOptions options = JijyunOptions.builder()
			.ibotId("bot-1")
			.visitorId("13800138000")
			.fielditem(Map.of("phone", "13900139000"))
			.build();
		assertThat(options.toString()).contains("bot-1", "phone")
			.doesNotContain("13800138000")
			.doesNotContain("13900139000");
	}

}
