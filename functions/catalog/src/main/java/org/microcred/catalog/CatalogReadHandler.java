package org.microcred.catalog;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.microcred.catalog.service.CatalogReader;
import org.microcred.catalog.service.MicroCredentialIds;
import org.microcred.catalog.service.SearchQuery;
import org.microcred.catalog.web.PrintPage;
import org.microcred.records.catalog.CatalogStore;
import org.microcred.records.catalog.PublishedMicroCredential;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.domain.NotFound;
import org.microcred.shared.http.ApiRequest;
import org.microcred.shared.http.ApiResponse;
import org.microcred.shared.http.HttpFunction;
import org.microcred.shared.http.Routes;
import org.microcred.shared.snapstart.Priming;
import org.microcred.shared.snapstart.PrimingRequest;

/** CatalogReadFunction: the public catalog. Read-only; needs nothing but the catalog table. */
public class CatalogReadHandler extends HttpFunction {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final int MAX_QUERY_LENGTH = 200;
    /** Listings change when an admin publishes; a minute of caching is a fair trade. */
    private static final Map<String, String> LISTING_CACHE = Map.of("cache-control", "public, max-age=60");
    /** A numbered version never changes. */
    private static final Map<String, String> PRINT_HEADERS = Map.of("cache-control", "public, max-age=60",
            "content-security-policy", PrintPage.CONTENT_SECURITY_POLICY);
    private static final Map<String, String> VERSION_CACHE = Map.of("cache-control", "public, max-age=86400, immutable");

    private final CatalogReader reader;

    /** Used by AWS Lambda. */
    public CatalogReadHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Used by the local stack, which runs every function in one JVM with its own environment. */
    public CatalogReadHandler(FunctionEnvironment environment) {
        this(reader(CatalogConfig.from(environment), environment));
        Priming.register(this, PrimingRequest.get("/microcredentials"), PrimingRequest.get("/microcredentials/{id}"));
    }

    public CatalogReadHandler(CatalogReader reader) {
        this(reader, Routes.builder());
    }

    private CatalogReadHandler(CatalogReader reader, Routes.Builder routes) {
        super(routes
                .get("/microcredentials", request -> ApiResponse.json(200, reader.search(query(request)), LISTING_CACHE))
                .get("/microcredentials/{id}", request -> detail(reader, request))
                .get("/microcredentials/{id}/print", request -> print(reader, request))
                .build());
        this.reader = reader;
    }

    private static CatalogReader reader(CatalogConfig config, FunctionEnvironment environment) {
        return new CatalogReader(CatalogStore.forEnvironment(environment, config.catalogTable()),
                Clock.systemUTC(), config.searchRefreshMillis());
    }

    private static APIGatewayV2HTTPResponse detail(CatalogReader reader, ApiRequest request) {
        Optional<Integer> version = version(request);
        PublishedMicroCredential published = find(reader, request, version);
        return ApiResponse.json(200, published, version.isPresent() ? VERSION_CACHE : LISTING_CACHE);
    }

    private static APIGatewayV2HTTPResponse print(CatalogReader reader, ApiRequest request) {
        PublishedMicroCredential published = find(reader, request, version(request));
        return ApiResponse.respond(200, "text/html; charset=utf-8", PrintPage.render(published), PRINT_HEADERS);
    }

    private static PublishedMicroCredential find(CatalogReader reader, ApiRequest request, Optional<Integer> version) {
        String id = request.pathParameter("id");
        if (!MicroCredentialIds.isWellFormed(id)) {
            throw new NotFound("There is no published micro-credential with id " + id + ".");
        }
        return reader.find(id, version);
    }

    static SearchQuery query(ApiRequest request) {
        String text = request.queryParameter("q").orElse("");
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new Invalid("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        return new SearchQuery(text, slug(request, "collection"), slug(request, "audience"),
                request.queryParameter("cursor").filter(c -> !c.isEmpty()), limit(request));
    }

    private static Optional<String> slug(ApiRequest request, String name) {
        Optional<String> value = request.queryParameter(name).filter(v -> !v.isEmpty());
        if (value.isPresent() && !SLUG.matcher(value.get()).matches()) {
            throw new Invalid(name, "must be a slug such as formative-assessment");
        }
        return value;
    }

    private static int limit(ApiRequest request) {
        String raw = request.queryParameter("limit").orElse(null);
        if (raw == null || raw.isEmpty()) {
            return SearchQuery.DEFAULT_LIMIT;
        }
        int limit = wholeNumber("limit", raw);
        if (limit < 1 || limit > SearchQuery.MAX_LIMIT) {
            throw new Invalid("limit", "must be between 1 and " + SearchQuery.MAX_LIMIT);
        }
        return limit;
    }

    private static Optional<Integer> version(ApiRequest request) {
        return request.queryParameter("version").filter(v -> !v.isEmpty()).map(raw -> {
            int version = wholeNumber("version", raw);
            if (version < 1) {
                throw new Invalid("version", "must be 1 or more");
            }
            return version;
        });
    }

    private static int wholeNumber(String field, String raw) {
        if (!raw.matches("-?\\d{1,9}")) {
            throw new Invalid(field, "must be a whole number (got \"" + raw.substring(0, Math.min(raw.length(), 20)) + "\")");
        }
        return Integer.parseInt(raw);
    }

    public CatalogReader reader() {
        return reader;
    }
}
