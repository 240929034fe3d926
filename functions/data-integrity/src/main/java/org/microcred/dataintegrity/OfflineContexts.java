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
 * cannot change because someone else's server changed. Each bundled file is a byte-identical
 * copy of the document published at its URL ({@link #PUBLISHED_SHA256}): a copy that differed
 * would make proofs that only our own verifier accepts. Parsed once per JVM.
 */
public final class OfflineContexts implements DocumentLoader {
    public static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
    public static final String OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    /** Defines 1EdTechRevocationList, 1EdTechJsonSchemaValidator2019 and 1EdTechCredentialRefresh. */
    public static final String OPEN_BADGES_V3_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";

    /** The bundled file of each context URL. */
    static final Map<String, String> FILES = Map.of(
            CREDENTIALS_V2, "credentials-v2.jsonld",
            OPEN_BADGES_V3, "ob-v3p0-3.0.3.jsonld",
            OPEN_BADGES_V3_EXTENSIONS, "ob-v3p0-extensions.json");

    /**
     * SHA-256 (hex) of each context as published; the bundled files must hash the same. VC 2.0:
     * the final Recommendation's context (no {@code @vocab}), as in w3c/vc-data-model and the
     * 1EdTech validator. OB 3.0.3 and extensions: as in 1EdTech/openbadges-specification.
     */
    public static final Map<String, String> PUBLISHED_SHA256 = Map.of(
            CREDENTIALS_V2, "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734",
            OPEN_BADGES_V3, "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761",
            OPEN_BADGES_V3_EXTENSIONS, "6af33254d5c44c3547fcbff8f5571b1f63a1d52c0920866a6c11b0b700800d7f");

    private static final OfflineContexts INSTANCE = new OfflineContexts(Map.of(
            CREDENTIALS_V2, parse(FILES.get(CREDENTIALS_V2)),
            OPEN_BADGES_V3, parse(FILES.get(OPEN_BADGES_V3)),
            OPEN_BADGES_V3_EXTENSIONS, parse(FILES.get(OPEN_BADGES_V3_EXTENSIONS))));

    /**
     * Only for checking proofs made before issue 13: the VC 2.0 context as we bundled it then, a
     * 2023 draft with {@code @vocab} (never published at that URL in this form). Those proofs
     * verify only with it, and only in our own verifier.
     */
    private static final OfflineContexts BEFORE_ISSUE_13 = new OfflineContexts(Map.of(
            CREDENTIALS_V2, parse("legacy/credentials-v2-draft.jsonld"),
            OPEN_BADGES_V3, parse(FILES.get(OPEN_BADGES_V3))));

    private final Map<String, Document> documents;

    private OfflineContexts(Map<String, Document> documents) {
        this.documents = documents;
    }

    public static OfflineContexts instance() {
        return INSTANCE;
    }

    /** The contexts embedded proofs were made with before issue 13; never for signing. */
    public static OfflineContexts beforeIssue13() {
        return BEFORE_ISSUE_13;
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

    /** The bundled bytes of a context, as the jar holds them. */
    public static byte[] bundledBytes(String url) {
        String resource = FILES.get(url);
        if (resource == null) {
            throw new IllegalArgumentException("No bundled context " + url);
        }
        try (InputStream in = OfflineContexts.class.getResourceAsStream("contexts/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled context " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
