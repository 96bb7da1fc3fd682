/**
 * Spring Boot glue: properties, auto-configuration of the default and the named clients,
 * startup checks. It only builds and wires the client core.
 */
@NullMarked
package io.github.linkai.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
