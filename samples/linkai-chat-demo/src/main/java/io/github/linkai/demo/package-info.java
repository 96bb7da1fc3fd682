/**
 * A web chat over the LinkAI starter's clients: a page, a JSON endpoint and a
 * server-sent-events endpoint, on the real providers when keys are set and on the test
 * kit's provider stub otherwise.
 */
@NullMarked
package io.github.linkai.demo;

import org.jspecify.annotations.NullMarked;
