/** Provider wire mappings, one package per provider. */
@NullMarked
package io.github.linkai.spring.provider;

import org.jspecify.annotations.NullMarked;
