package org.microcred.badges.support;

import org.microcred.emulators.junit.ApiCall;

/** HTTP API (payload 2.0) events for the badge function's routes. */
public final class Call extends ApiCall<Call> {

    private Call(String method, String route) {
        super(method, route);
    }

    private static Call badge(String method, String suffix, String id) {
        return new Call(method, "/badges/{id}" + suffix).pathParameter("id", id);
    }

    public static Call page(String id) {
        return badge("GET", "", id);
    }

    public static Call verify(String id) {
        return badge("GET", "/verify", id);
    }

    public static Call credential(String id) {
        return badge("GET", "/credential", id);
    }

    public static Call png(String id) {
        return badge("GET", "/image.png", id);
    }

    public static Call svg(String id) {
        return badge("GET", "/image.svg", id);
    }

    public static Call assertion(String id) {
        return badge("GET", "/assertion", id);
    }

    public static Call revoke(String id, Object body) {
        Call call = badge("POST", "/revoke", id);
        return body == null ? call : call.json(body);
    }

    private static Call issuer(String suffix, String orgId) {
        return new Call("GET", "/issuers/{orgId}" + suffix).pathParameter("orgId", orgId);
    }

    public static Call issuerProfile(String orgId) {
        return issuer("", orgId);
    }

    public static Call jwks(String orgId) {
        return issuer("/jwks", orgId);
    }

    public static Call key(String orgId, String keyId) {
        return new Call("GET", "/issuers/{orgId}/keys/{keyId}")
                .pathParameter("orgId", orgId).pathParameter("keyId", keyId);
    }

    public static Call ob2Issuer(String orgId) {
        return issuer("/ob2", orgId);
    }

    public static Call revocations(String orgId) {
        return issuer("/revocations", orgId);
    }

    public static Call badgeClass(String orgId, String microCredentialId) {
        return new Call("GET", "/issuers/{orgId}/badgeclasses/{microCredentialId}")
                .pathParameter("orgId", orgId).pathParameter("microCredentialId", microCredentialId);
    }

    public static Call myBadges() {
        return new Call("GET", "/me/badges");
    }
}
