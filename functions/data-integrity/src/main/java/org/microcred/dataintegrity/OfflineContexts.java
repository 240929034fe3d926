package org.microcred.dataintegrity;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

/**
 * Resolves the JSON-LD contexts our credentials use from the jar and refuses every other URL:
 * a function never fetches a context over the network, so canonical forms (and so signatures)
 * cannot change because someone else's server changed. Parsed once per JVM.
 */
public final class OfflineContexts implements DocumentLoader {
    public static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
    public static final String OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    /** The unversioned alias the OB 3.0 implementation guide's examples use. */
    static final String OPEN_BADGES_V3_ALIAS = "https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld";

    private static final OfflineContexts INSTANCE = new OfflineContexts(Map.of(
            CREDENTIALS_V2, parse("credentials-v2.jsonld"),
            OPEN_BADGES_V3, parse("ob-v3p0-3.0.3.jsonld"),
            OPEN_BADGES_V3_ALIAS, parse("ob-v3p0-3.0.3.jsonld")));

    private final Map<String, Document> documents;

    private OfflineContexts(Map<String, Document> documents) {
        this.documents = documents;
    }

    public static OfflineContexts instance() {
        return INSTANCE;
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        Document document = documents.get(url.toString());
        if (document == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                    "Context " + url + " is not bundled; credentials may only use " + documents.keySet());
        }
        return document;
    }

    private static Document parse(String resource) {
        try (InputStream in = OfflineContexts.class.getResourceAsStream("contexts/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled context " + resource);
            }
            return JsonDocument.of(MediaType.JSON_LD, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonLdError e) {
            throw new IllegalStateException("Bundled context " + resource + " is not valid JSON-LD", e);
        }
    }
}
