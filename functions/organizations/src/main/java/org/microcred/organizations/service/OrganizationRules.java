package org.microcred.organizations.service;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.microcred.organizations.model.OrganizationRequest;
import org.microcred.records.organizations.EligibilityMode;
import org.microcred.records.organizations.OrganizationProfile;

/** Turns an organisation request into a valid profile, or a 400 naming every bad field. */
final class OrganizationRules {
    static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    static final Set<String> KINDS = Set.of("district", "school", "charter-network", "state-agency",
            "state-virtual-school", "regional-service-agency", "university", "nonprofit", "other");
    static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    static final List<String> DEFAULT_WORKING_DAYS = DAYS.subList(0, 5);
    static final String DEFAULT_TIME_ZONE = "UTC";

    private OrganizationRules() {
    }

    static String id(String raw) {
        FieldRules rules = new FieldRules();
        if (raw == null || raw.isBlank()) {
            rules.add("id", "is required, e.g. \"riverbend-usd\"");
        } else if (!ID.matcher(raw).matches()) {
            rules.add("id", "must be 1-63 lower-case letters, digits and hyphens, starting and ending with a letter or digit");
        }
        rules.throwIfAny();
        return raw;
    }

    /**
     * The profile the request describes, keeping id, revision and timestamps from {@code base}.
     */
    static OrganizationProfile profile(String id, OrganizationRequest request, long revision, String createdAt,
                                       String updatedAt) {
        FieldRules rules = new FieldRules();
        String name = rules.line("name", request.name(), 200);
        String kind = request.kind() == null ? "other" : request.kind();
        if (!KINDS.contains(kind)) {
            rules.add("kind", "must be one of " + String.join(", ", KINDS.stream().sorted().toList()));
        }
        OrganizationRequest.Issuer issuer = request.issuer() == null
                ? new OrganizationRequest.Issuer(null, null, null, null) : request.issuer();
        OrganizationProfile.IssuerProfile issuerProfile = new OrganizationProfile.IssuerProfile(
                rules.optionalUrl("issuer.url", issuer.url()), rules.optionalEmail("issuer.email", issuer.email()),
                rules.optionalText("issuer.description", issuer.description(), 2000),
                rules.optionalUrl("issuer.imageUrl", issuer.imageUrl()));
        EligibilityMode mode = EligibilityMode.MEMBERS;
        List<String> domains = new ArrayList<>();
        OrganizationRequest.Eligibility eligibility = request.eligibility();
        if (eligibility != null) {
            if (eligibility.mode() != null) {
                mode = EligibilityMode.fromApi(eligibility.mode()).orElse(null);
                if (mode == null) {
                    rules.add("eligibility.mode", "must be one of members, domains, open");
                    mode = EligibilityMode.MEMBERS;
                }
            }
            List<String> raw = eligibility.emailDomains() == null ? List.of() : eligibility.emailDomains();
            if (raw.size() > 50) {
                rules.add("eligibility.emailDomains", "may name at most 50 domains");
            }
            Set<String> unique = new LinkedHashSet<>();
            for (int i = 0; i < raw.size() && i < 50; i++) {
                String domain = raw.get(i) == null ? "" : raw.get(i).strip().toLowerCase(Locale.ROOT);
                if (!FieldRules.DOMAIN.matcher(domain).matches() || domain.length() > 253) {
                    rules.add("eligibility.emailDomains[" + i + "]", "must be a domain such as district.org");
                } else {
                    unique.add(domain);
                }
            }
            domains.addAll(unique);
        }
        if (mode == EligibilityMode.DOMAINS && domains.isEmpty()) {
            rules.add("eligibility.emailDomains", "must name at least one domain when mode is domains");
        }
        int target = request.reviewTargetBusinessDays() == null ? 5 : request.reviewTargetBusinessDays();
        if (target < 1 || target > 60) {
            rules.add("reviewTargetBusinessDays", "must be between 1 and 60 working days");
        }
        String timeZone = request.timeZone() == null ? DEFAULT_TIME_ZONE : request.timeZone();
        try {
            if (timeZone.length() > 64) {
                throw new DateTimeException("too long");
            }
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            rules.add("timeZone", "must be an IANA time zone such as America/Chicago");
        }
        List<String> workingDays = request.workingDays() == null ? DEFAULT_WORKING_DAYS : request.workingDays();
        // A null day is refused like any other unknown day (List.of(...).contains(null) would throw).
        if (workingDays.isEmpty() || workingDays.size() > 7
                || workingDays.stream().anyMatch(day -> day == null || !DAYS.contains(day))
                || new HashSet<>(workingDays).size() != workingDays.size()) {
            rules.add("workingDays", "must list distinct days among MON, TUE, WED, THU, FRI, SAT, SUN");
        }
        String sender = rules.optionalEmail("senderAddress", request.senderAddress());
        rules.throwIfAny();
        List<String> orderedDays = DAYS.stream().filter(workingDays::contains).toList();
        return new OrganizationProfile(id, name, kind, issuerProfile, mode, domains, target, timeZone, orderedDays,
                sender, revision, createdAt, updatedAt);
    }
}
