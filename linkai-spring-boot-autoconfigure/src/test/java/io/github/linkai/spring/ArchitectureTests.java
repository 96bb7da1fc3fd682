package io.github.linkai.spring;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture, kept true. The client core ({@code client}, {@code provider}) stands
 * alone: usable without a Spring Boot context or a meter registry, it imports nothing
 * from Spring Boot, Micrometer's core or the glue; it defines the hooks the glue
 * implements, and knows nothing of Redis, Bucket4j or Resilience4j, which only the limits
 * glue uses. A provider builds on the core's model and its SPI only (LinkAI's chat, which
 * has OpenAI's shape, also on the openai package's wire records and mapping). The glue
 * names no provider: it reaches them through the SPI. No package depends on another that
 * depends back on it.
 */
@AnalyzeClasses(packages = "io.github.linkai.spring", importOptions = ImportOption.DoNotIncludeTests.class)
final class ArchitectureTests {

	private static final String[] GLUE = { "..spring.autoconfigure..", "..spring.observation..", "..spring.health..",
			"..spring.web..", "..spring.ai..", "..spring.limits.." };

	private ArchitectureTests() {
	}

	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("io.github.linkai.spring.(**)").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule clientCoreImportsNoSpringBootNoMicrometerCoreAndNoGlue = noClasses().that()
		.resideInAPackage("..spring.client..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(concat(GLUE, "org.springframework.boot..", "io.micrometer.core.."));

	@ArchTest
	static final ArchRule clientCoreImportsNoRedisNoBucket4jAndNoResilience4j = noClasses().that()
		.resideInAPackage("..spring.client..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.lettuce..", "io.github.bucket4j..", "io.github.resilience4j..",
				"org.springframework.data.redis..");

	@ArchTest
	static final ArchRule onlyTheLimitsAndTheAutoConfigurationUseRedis = noClasses().that()
		.resideOutsideOfPackages("..spring.limits..", "..spring.autoconfigure..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.lettuce..", "io.github.bucket4j..", "org.springframework.data.redis..");

	@ArchTest
	static final ArchRule providersBuildOnTheModelAndTheSpiOnly = noClasses().that()
		.resideInAPackage("..spring.provider..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(concat(GLUE, "..spring.client.http..", "..spring.client.stream..",
				"org.springframework.boot..", "io.micrometer.core..", "io.micrometer.observation.."));

	@ArchTest
	static final ArchRule providersUseNoOtherProviderButLinkAiTheOpenAiWire = slices()
		.matching("io.github.linkai.spring.provider.(*)..")
		.should()
		.notDependOnEachOther()
		.ignoreDependency(resideInAPackage("..spring.provider.linkai.."),
				resideInAPackage("..spring.provider.openai.."));

	@ArchTest
	static final ArchRule theGlueNamesNoProvider = noClasses().that()
		.resideInAnyPackage(GLUE)
		.should()
		.dependOnClassesThat()
		.resideInAPackage("..spring.provider..");

	@ArchTest
	static final ArchRule healthObservationWebAndSpringAiDoNotDependOnTheAutoConfiguration = noClasses().that()
		.resideInAnyPackage("..spring.observation..", "..spring.health..", "..spring.web..", "..spring.ai..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("..spring.autoconfigure..");

	@ArchTest
	static final ArchRule theSpringAiAdapterBuildsOnSpringAiNotOnBoot = noClasses().that()
		.resideInAPackage("..spring.ai..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.boot..", "io.micrometer.core..");

	@ArchTest
	static final ArchRule onlyTheAdapterAndTheAutoConfigurationUseSpringAi = noClasses().that()
		.resideInAnyPackage("..spring.client..", "..spring.provider..", "..spring.observation..", "..spring.health..",
				"..spring.web..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.ai..", "..spring.ai..");

	@ArchTest
	static final ArchRule webImportsNothingFromSpringBoot = noClasses().that()
		.resideInAPackage("..spring.web..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework.boot..");

	private static String[] concat(String[] first, String... more) {
		String[] all = new String[first.length + more.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

}
