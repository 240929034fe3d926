package org.microcred.badges.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.microcred.records.badges.Badge;
import org.microcred.records.badges.BadgeUrls;

/** LinkedIn's "Add to profile" link for a certification, pre-filled so the learner only confirms. */
public final class LinkedIn {
    static final String ADD_TO_PROFILE = "https://www.linkedin.com/profile/add";

    private LinkedIn() {
    }

    public static String addToProfileUrl(Badge badge, BadgeUrls urls) {
        StringBuilder url = new StringBuilder(ADD_TO_PROFILE).append("?startTask=CERTIFICATION_NAME");
        parameter(url, "name", badge.title());
        parameter(url, "organizationName", badge.organizationName());
        ZonedDateTime issued = date(badge.issuedAt());
        if (issued != null) {
            parameter(url, "issueYear", Integer.toString(issued.getYear()));
            parameter(url, "issueMonth", Integer.toString(issued.getMonthValue()));
        }
        ZonedDateTime expires = date(badge.validUntil());
        if (expires != null) {
            parameter(url, "expirationYear", Integer.toString(expires.getYear()));
            parameter(url, "expirationMonth", Integer.toString(expires.getMonthValue()));
        }
        parameter(url, "certUrl", urls.badge(badge.badgeId()));
        parameter(url, "certId", badge.badgeId());
        return url.toString();
    }

    private static void parameter(StringBuilder url, String name, String value) {
        if (value != null) {
            // URLEncoder writes form encoding; %20 for spaces reads right in every browser and LinkedIn.
            url.append('&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
    }

    private static ZonedDateTime date(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return Instant.parse(iso).atZone(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
