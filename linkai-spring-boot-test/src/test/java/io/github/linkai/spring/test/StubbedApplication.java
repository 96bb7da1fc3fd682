package io.github.linkai.spring.test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * An application using the starter, with the clients of {@code application.properties}:
 * one per provider.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class StubbedApplication {

}
