package org.microcred.dataintegrity;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.processor.ExpansionProcessor;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON-LD document -> RDF dataset -> RDFC-1.0 canonical N-Quads (SHA-256), contexts resolved offline.
 *
 * <p>Canonicalisation runs in "safe mode", as the reference Data Integrity libraries verify: a
 * property no context defines, or a type or id that is not an absolute IRI, is an error rather
 * than silently left out of the signed statements. Without it a proof covers fewer statements
 * than the document shows, and a verifier in safe mode rejects it.
 */
public final class RdfCanonicalizer {
    private static final Pattern ABSOLUTE_IRI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    private final OfflineContexts contexts;
    private final boolean safe;

    public RdfCanonicalizer() {
        this(OfflineContexts.instance());
    }

    public RdfCanonicalizer(OfflineContexts contexts) {
        this(contexts, true);
    }

    private RdfCanonicalizer(OfflineContexts contexts, boolean safe) {
        this.contexts = contexts;
        this.safe = safe;
    }

    /**
     * The canonicalisation embedded proofs were made with before issue 13: our earlier VC 2.0
     * context and no safe mode (undefined terms dropped). For verifying those proofs only.
     */
    public static RdfCanonicalizer beforeIssue13() {
        return new RdfCanonicalizer(OfflineContexts.beforeIssue13(), false);
    }

    /**
     * @throws InvalidDocumentException if the document is not valid JSON-LD, uses an unbundled
     *         context, or has a term, type or id that no context turns into an absolute IRI
     */
    public String canonicalNQuads(JsonObject document) {
        // Titanium's processors are called directly, with the loader given up front: its JsonLd.*
        // builders and the no-argument options each first build the default loader, an HTTP
        // client with TLS set up (some 30 ms of a cold start), only to have it replaced by ours.
        JsonLdOptions options = new JsonLdOptions(contexts);
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        RdfCanon canon = RdfCanon.create("SHA-256");
        try {
            if (safe) {
                JsonArray expanded = ExpansionProcessor.expand(JsonDocument.of(document), options, false);
                requireAbsolute(expanded, "");
                ToRdfProcessor.toRdf(canon, JsonDocument.of(expanded), options);
            } else {
                // Exactly the pipeline of the proofs made before issue 13.
                ToRdfProcessor.toRdf(canon, JsonDocument.of(document), new JsonLdOptions(contexts));
            }
            StringWriter out = new StringWriter();
            canon.provide(new NQuadsWriter(out));
            return out.toString();
        } catch (JsonLdError e) {
            throw new InvalidDocumentException("Not a JSON-LD document we can canonicalise: " + rootMessage(e), e);
        } catch (RdfConsumerException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException("Writing canonical N-Quads failed", e);
        }
    }

    /** Walks the expanded form: every @type and node @id must be an absolute IRI or a blank node. */
    private static void requireAbsolute(JsonValue value, String path) {
        if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                requireAbsolute(array.get(i), path);
            }
        } else if (value instanceof JsonObject object) {
            if (object.containsKey("@value")) {
                return;
            }
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                String key = member.getKey();
                if (key.equals("@type") || key.equals("@id")) {
                    checkIri(member.getValue(), key, path);
                } else {
                    requireAbsolute(member.getValue(), key.startsWith("@") ? path : key);
                }
            }
        }
    }

    private static void checkIri(JsonValue value, String keyword, String path) {
        if (value instanceof JsonArray array) {
            array.forEach(one -> checkIri(one, keyword, path));
        } else if (value instanceof JsonString text) {
            String iri = text.getString();
            if (!iri.startsWith("_:") && !ABSOLUTE_IRI.matcher(iri).matches()) {
                throw new InvalidDocumentException("Relative " + keyword + " reference '" + iri + "'"
                        + (path.isEmpty() ? "" : " under " + path) + ": no context defines it, so a verifier in "
                        + "safe mode rejects the document", null);
            }
        }
    }

    /** The innermost explanation: titanium wraps "context not bundled" in "loading a remote context failed". */
    private static String rootMessage(Throwable error) {
        Throwable deepest = error;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        return deepest.getMessage();
    }
}
