package org.microcred.dataintegrity;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** JSON-LD document -> RDF dataset -> RDFC-1.0 canonical N-Quads (SHA-256), contexts resolved offline. */
public final class RdfCanonicalizer {
    private final OfflineContexts contexts;

    public RdfCanonicalizer() {
        this(OfflineContexts.instance());
    }

    public RdfCanonicalizer(OfflineContexts contexts) {
        this.contexts = contexts;
    }

    /**
     * @throws InvalidDocumentException if the document is not valid JSON-LD or uses an unbundled context
     */
    public String canonicalNQuads(JsonObject document) {
        RdfCanon canon = RdfCanon.create("SHA-256");
        try {
            JsonLd.toRdf(JsonDocument.of(document)).loader(contexts).provide(canon);
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

    /** The innermost explanation: titanium wraps "context not bundled" in "loading a remote context failed". */
    private static String rootMessage(Throwable error) {
        Throwable deepest = error;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        return deepest.getMessage();
    }
}
