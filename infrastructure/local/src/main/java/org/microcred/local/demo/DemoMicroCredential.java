package org.microcred.local.demo;

import com.fasterxml.jackson.databind.JsonNode;

/** One file of {@code demo/microcredentials}: a draft document, its organisation, and whether to publish it. */
public record DemoMicroCredential(String source, String organizationId, boolean publish, JsonNode draft) {
}
