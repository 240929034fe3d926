package org.microcred.evidence.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.microcred.emulators.junit.PresignedRequests;

/** What a browser does with the upload instructions the evidence API returns. */
public final class Browser {
    private Browser() {
    }

    /** Uploads a declared file with the upload instructions the API returned. */
    public static HttpResponse<String> upload(JsonNode artifact, byte[] bytes) {
        JsonNode upload = artifact.path("upload");
        return PresignedRequests.put(upload.path("url").asText(),
                upload.path("headers").path("Content-Type").asText(), bytes);
    }
}
