package org.microcred.badges.service;

import java.util.List;

/**
 * A badge as anyone may see it ({@code GET /badges/{id}} as JSON, and the page's content):
 * who earned what from whom, when, the criteria, the results, the evidence names and the live
 * checks. Never the learner's email address, ids of private records, or the evidence itself.
 */
public record PublicBadge(String id, String credentialId, String title, String description, Earner earner,
                          Issuer issuer, String issuedAt, String validFrom, String validUntil, String status,
                          String revokedAt, String revocationReason, String criteria, List<Result> results,
                          List<String> evidence, Double creditHours, Verification verification, Links links) {
    public record Earner(String name) {
    }

    public record Issuer(String id, String name) {
    }

    public record Result(String criterion, String level, boolean passed) {
    }

    public record Links(String page, String verify, String credential, String png, String svg, String assertion,
                        String ob2Png, String ob2Svg) {
    }
}
