/**
 * Fallback chains: a chat client that answers from the next client of its chain when one
 * fails on the provider's or the account's side before its answer began.
 */
@NullMarked
package io.github.linkai.spring.client.fallback;

import org.jspecify.annotations.NullMarked;
