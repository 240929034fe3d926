package org.microcred.records.learning;

import java.util.List;

/** Colleagues who enrolled together in one micro-credential and share a coach. */
public record PlcGroup(String id, String microCredentialId, String organizationId, List<Member> members,
                       String createdAt) {
    public PlcGroup {
        members = List.copyOf(members);
    }

    /** One person of the group and their enrolment. */
    public record Member(String enrollmentId, String userId, String name) {
    }

    public boolean includes(String userId) {
        return members.stream().anyMatch(member -> member.userId().equals(userId));
    }
}
