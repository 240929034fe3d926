package org.microcred.organizations.roster;

import java.util.Locale;
import java.util.Map;
import org.microcred.organizations.service.OrganizationAccess;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.domain.UnsupportedMediaType;
import org.microcred.shared.http.ApiRequest;
import org.microcred.shared.http.ApiResponse;
import org.microcred.shared.http.JsonBody;
import org.microcred.shared.http.Paging;
import org.microcred.shared.http.Routes;

/**
 * The roster-import routes of OrganizationFunction. {@code POST /orgs/{orgId}/roster-imports}
 * takes either the roster itself ({@code text/csv}, imported now) or the declaration of an
 * upload ({@code application/json}); the body's media type decides which.
 */
public final class RosterImportRoutes {
    private RosterImportRoutes() {
    }

    public static Routes.Builder addTo(Routes.Builder routes, RosterImportService imports) {
        return routes
                .post("/orgs/{orgId}/roster-imports", request -> {
                    String organizationId = request.pathParameter("orgId");
                    OrganizationAccess.requireAdminOf(request.caller(), organizationId);
                    boolean dryRun = dryRun(request);
                    String contentType = request.header("content-type").orElse("").strip().toLowerCase(Locale.ROOT);
                    if (isCsv(contentType)) {
                        RosterImportView done = imports.importNow(request.caller(), organizationId,
                                request.bodyBytes(), dryRun);
                        return ApiResponse.json(200, done, Map.of("location", location(organizationId, done)));
                    }
                    if (contentType.startsWith("application/json")) {
                        RosterImportView declared = imports.declareUpload(request.caller(), organizationId,
                                JsonBody.read(request, RosterUploadRequest.class), dryRun);
                        return ApiResponse.json(201, declared, Map.of("location", location(organizationId, declared)));
                    }
                    throw new UnsupportedMediaType("Send the roster itself with Content-Type: text/csv (at "
                            + "most " + RosterImportService.MAX_REQUEST_ROWS + " rows), or declare an upload with "
                            + "Content-Type: application/json.");
                })
                .post("/orgs/{orgId}/roster-imports/{importId}/start", request -> ApiResponse.json(202,
                        imports.start(request.caller(), request.pathParameter("orgId"),
                                request.pathParameter("importId"))))
                .get("/orgs/{orgId}/roster-imports/{importId}", request -> ApiResponse.json(200,
                        imports.get(request.caller(), request.pathParameter("orgId"),
                                request.pathParameter("importId"), Paging.cursor(request))));
    }

    /** {@code text/csv}, with no charset or UTF-8: the only text an import reads. */
    private static boolean isCsv(String contentType) {
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equals(RosterImportService.CSV)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].strip().split("=", 2);
            if (parameter[0].strip().equals("charset") && parameter.length == 2) {
                String charset = parameter[1].strip().replace("\"", "");
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw new UnsupportedMediaType("The roster is declared as " + charset + "; send it as "
                            + "UTF-8 (Content-Type: text/csv; charset=utf-8), e.g. saved as \"CSV UTF-8\".");
                }
            }
        }
        return true;
    }

    private static boolean dryRun(ApiRequest request) {
        return request.queryParameter("dryRun").filter(value -> !value.isEmpty()).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Invalid("dryRun", "must be true or false");
        }).orElse(false);
    }

    private static String location(String organizationId, RosterImportView view) {
        return "/orgs/" + organizationId + "/roster-imports/" + view.importId();
    }
}
