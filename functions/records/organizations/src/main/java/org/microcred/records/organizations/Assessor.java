package org.microcred.records.organizations;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One educator on the assessor pathway for one micro-credential of one organisation: the
 * invitation, its acceptance and the calibration result. {@code email} is private to the
 * organisation's admins and the assessor.
 *
 * @param revision    +1 each time the invitation is (re)issued; an accept link names the revision it was issued for
 * @param linkExpiresAt when the latest invitation link stops working
 */
public record Assessor(String organizationId, String microCredentialId, String microCredentialTitle, String userId,
                       String name, String email, AssessorStatus status, int revision, double minimumKappa,
                       Double minimumExactAgreement, String invitedAt, String invitedBy, String linkExpiresAt,
                       String acceptedAt, String liveAt, int scoresRecorded, CalibrationResult calibration) {
    @JsonIgnore
    public boolean isLive() {
        return status == AssessorStatus.LIVE;
    }
}
