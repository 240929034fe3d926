package org.microcred.enrollment.store;

import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.text;
import static org.microcred.records.core.Attributes.textList;

import java.util.Map;
import org.microcred.enrollment.model.EligibilityMode;
import org.microcred.enrollment.model.Member;
import org.microcred.enrollment.model.Organization;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the organisations table's items (docs/data-model.md): {@code ORG#id / PROFILE} and
 * {@code ORG#id / MEMBER#user} (on index ByEmail). Coach entries and pools are read through
 * the table's records library.
 */
final class OrganizationItems {
    static final String MEMBER_PREFIX = "MEMBER#";

    private OrganizationItems() {
    }

    static String partition(String organizationId) {
        return "ORG#" + organizationId;
    }

    static Map<String, AttributeValue> profileKey(String organizationId) {
        return Map.of("pk", s(partition(organizationId)), "sk", s("PROFILE"));
    }

    static String organizationOf(Map<String, AttributeValue> item) {
        return text(item, "pk").substring("ORG#".length());
    }

    static Organization organizationFrom(String organizationId, Map<String, AttributeValue> item) {
        EligibilityMode mode = EligibilityMode.fromJson(text(item, "eligibility")).orElse(EligibilityMode.MEMBERS);
        String name = text(item, "name");
        return new Organization(organizationId, name == null ? organizationId : name, mode,
                textList(item, "emailDomains"));
    }

    static Member memberFrom(Map<String, AttributeValue> item) {
        return new Member(text(item, "userId"), organizationOf(item), text(item, "email"), text(item, "name"));
    }
}
