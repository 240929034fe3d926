package org.microcred.records.organizations;

import static org.microcred.records.core.Attributes.bool;
import static org.microcred.records.core.Attributes.flag;
import static org.microcred.records.core.Attributes.n;
import static org.microcred.records.core.Attributes.number;
import static org.microcred.records.core.Attributes.optionalNumber;
import static org.microcred.records.core.Attributes.putIfPresent;
import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.strings;
import static org.microcred.records.core.Attributes.text;
import static org.microcred.records.core.Attributes.textList;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.microcred.records.core.Attributes;
import org.microcred.shared.identity.Role;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One mapper per record type of the OrganizationsTable: record to item and back. */
final class OrganizationItems {
    private OrganizationItems() {
    }

    static Map<String, AttributeValue> profileItem(OrganizationProfile profile) {
        Map<String, AttributeValue> item = new HashMap<>(OrganizationKeys.profile(profile.id()));
        item.put("organizationId", s(profile.id()));
        item.put("name", s(profile.name()));
        putIfPresent(item, "kind", profile.kind());
        putIfPresent(item, "issuerUrl", profile.issuer().url());
        putIfPresent(item, "issuerEmail", profile.issuer().email());
        putIfPresent(item, "issuerDescription", profile.issuer().description());
        putIfPresent(item, "issuerImageUrl", profile.issuer().imageUrl());
        item.put("eligibility", s(profile.eligibility().stored()));
        item.put("emailDomains", strings(profile.emailDomains()));
        item.put("reviewTargetBusinessDays", n(profile.reviewTargetBusinessDays()));
        putIfPresent(item, "timeZone", profile.timeZone());
        item.put("workingDays", strings(profile.workingDays()));
        putIfPresent(item, "senderAddress", profile.senderAddress());
        item.put("revision", n(profile.revision()));
        putIfPresent(item, "createdAt", profile.createdAt());
        putIfPresent(item, "updatedAt", profile.updatedAt());
        return item;
    }

    static OrganizationProfile profileFrom(Map<String, AttributeValue> item) {
        String id = OrganizationKeys.organizationOf(text(item, OrganizationKeys.PK));
        String name = text(item, "name");
        return new OrganizationProfile(id, name == null ? id : name, text(item, "kind"),
                new OrganizationProfile.IssuerProfile(text(item, "issuerUrl"), text(item, "issuerEmail"),
                        text(item, "issuerDescription"), text(item, "issuerImageUrl")),
                EligibilityMode.fromStored(text(item, "eligibility")), textList(item, "emailDomains"),
                (int) number(item, "reviewTargetBusinessDays", 5), text(item, "timeZone"),
                textList(item, "workingDays"), text(item, "senderAddress"), number(item, "revision", 0),
                text(item, "createdAt"), text(item, "updatedAt"));
    }

    static Map<String, AttributeValue> memberItem(Membership member) {
        Map<String, AttributeValue> item = new HashMap<>(OrganizationKeys.member(member.organizationId(), member.userId()));
        item.put("userId", s(member.userId()));
        item.put("email", s(member.email().toLowerCase(Locale.ROOT)));
        item.put("name", s(member.name()));
        putIfPresent(item, "givenName", member.givenName());
        putIfPresent(item, "familyName", member.familyName());
        item.put("roles", strings(member.roles().stream().map(Role::group).toList()));
        item.put("active", bool(member.active()));
        putIfPresent(item, "sourcedId", member.sourcedId());
        // Lower-cased name and address: what ?q= matches, with contains(), on the organisation's partition.
        item.put("searchText", s((member.name() + " " + member.email()).toLowerCase(Locale.ROOT)));
        item.put("revision", n(member.revision()));
        putIfPresent(item, "createdAt", member.createdAt());
        putIfPresent(item, "updatedAt", member.updatedAt());
        return item;
    }

    static Membership memberFrom(Map<String, AttributeValue> item) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        textList(item, "roles").forEach(group -> Role.fromGroup(group).ifPresent(roles::add));
        String given = text(item, "givenName");
        String family = text(item, "familyName");
        if (given == null && family == null) {
            // Members written before names were split keep their one display name.
            given = text(item, "name");
        }
        return new Membership(OrganizationKeys.organizationOf(text(item, OrganizationKeys.PK)), text(item, "userId"),
                text(item, "email"), given, family, new ArrayList<>(roles), flag(item, "active", true),
                text(item, "sourcedId"), number(item, "revision", 0), text(item, "createdAt"),
                text(item, "updatedAt"));
    }

    static Map<String, AttributeValue> platformAdministratorItem(PlatformAdministrator administrator) {
        Map<String, AttributeValue> item = new HashMap<>(OrganizationKeys.platformAdministrator(administrator.userId()));
        item.put("userId", s(administrator.userId()));
        item.put("email", s(administrator.email().toLowerCase(Locale.ROOT)));
        item.put("name", s(administrator.name()));
        item.put("roles", strings(List.of(Role.PLATFORM_ADMIN.group())));
        item.put("active", bool(administrator.active()));
        putIfPresent(item, "createdAt", administrator.createdAt());
        return item;
    }

    static PlatformAdministrator platformAdministratorFrom(Map<String, AttributeValue> item) {
        return new PlatformAdministrator(text(item, "userId"), text(item, "email"), text(item, "name"),
                flag(item, "active", true), text(item, "createdAt"));
    }

    static Coach coachFrom(Map<String, AttributeValue> item) {
        Map<String, Long> perMicroCredential = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith("open#") && value.n() != null) {
                perMicroCredential.put(name.substring("open#".length()), Long.parseLong(value.n()));
            }
        });
        return new Coach(OrganizationKeys.organizationOf(text(item, OrganizationKeys.PK)), text(item, "userId"),
                text(item, "name"), text(item, "email"), number(item, "openEnrollments", 0), perMicroCredential,
                textList(item, "microCredentialIds"), textList(item, "collections"), flag(item, "active", true),
                textList(item, "calibratingMicroCredentialIds"));
    }

    static Map<String, AttributeValue> poolItem(CoachPool pool) {
        Map<String, AttributeValue> item = new HashMap<>(OrganizationKeys.pool(pool.organizationId(),
                pool.microCredentialId()));
        item.put("microCredentialId", s(pool.microCredentialId()));
        item.put("coaches", AttributeValue.fromL(pool.seats().stream().map(seat -> {
            Map<String, AttributeValue> entry = new HashMap<>();
            entry.put("userId", s(seat.userId()));
            if (seat.capacity() != null) {
                entry.put("capacity", n(seat.capacity()));
            }
            return AttributeValue.fromM(entry);
        }).toList()));
        item.put("revision", n(pool.revision()));
        putIfPresent(item, "updatedAt", pool.updatedAt());
        return item;
    }

    static CoachPool poolFrom(Map<String, AttributeValue> item) {
        AttributeValue coaches = item.get("coaches");
        List<CoachSeat> seats = coaches == null || !coaches.hasL() ? List.of() : coaches.l().stream()
                .map(entry -> new CoachSeat(text(entry.m(), "userId"), optionalNumber(entry.m(), "capacity")))
                .toList();
        return new CoachPool(OrganizationKeys.organizationOf(text(item, OrganizationKeys.PK)),
                text(item, "microCredentialId"), seats, number(item, "revision", 0), text(item, "updatedAt"));
    }
}
