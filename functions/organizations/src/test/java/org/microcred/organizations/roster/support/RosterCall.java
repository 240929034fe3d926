package org.microcred.organizations.roster.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Base64;
import org.microcred.emulators.junit.ApiCall;

/** HTTP API (payload 2.0) events for the roster-import routes, as API Gateway delivers them. */
public final class RosterCall extends ApiCall<RosterCall> {
    private byte[] binaryBody;

    private RosterCall(String method, String route, String organizationId, String importId) {
        super(method, route);
        pathParameter("orgId", organizationId);
        if (importId != null) {
            pathParameter("importId", importId);
        }
    }

    /** {@code POST /orgs/{orgId}/roster-imports} with the roster as the (text) body. */
    public static RosterCall importCsv(String organizationId, String csv) {
        return create(organizationId).rawBody(csv, "text/csv");
    }

    /** The same with the body's bytes exactly as given: API Gateway passes them base64-encoded. */
    public static RosterCall importBytes(String organizationId, byte[] csv, String contentType) {
        RosterCall call = create(organizationId).header("content-type", contentType);
        call.binaryBody = csv.clone();
        return call;
    }

    /** {@code POST /orgs/{orgId}/roster-imports} declaring an upload. */
    public static RosterCall declare(String organizationId, String fileName, long size) {
        return create(organizationId).json("{\"fileName\": \"" + fileName + "\", \"size\": " + size + "}");
    }

    public static RosterCall start(String organizationId, String importId) {
        return new RosterCall("POST", "/orgs/{orgId}/roster-imports/{importId}/start", organizationId, importId);
    }

    public static RosterCall get(String organizationId, String importId) {
        return new RosterCall("GET", "/orgs/{orgId}/roster-imports/{importId}", organizationId, importId);
    }

    public RosterCall dryRun() {
        return query("dryRun", "true");
    }

    @Override
    public APIGatewayV2HTTPEvent event() {
        APIGatewayV2HTTPEvent event = super.event();
        if (binaryBody != null) {
            event.setBody(Base64.getEncoder().encodeToString(binaryBody));
            event.setIsBase64Encoded(true);
        }
        return event;
    }

    private static RosterCall create(String organizationId) {
        return new RosterCall("POST", "/orgs/{orgId}/roster-imports", organizationId, null);
    }
}
