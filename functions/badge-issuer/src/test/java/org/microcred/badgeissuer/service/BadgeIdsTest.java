package org.microcred.badgeissuer.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BadgeIdsTest {
    @Test
    void forEnrollment_isTheFirst12BytesOfSha256_ofTheAgreedInput() {
        // printf 'badge|enr-1' | sha256sum | cut -c1-24
        assertThat(BadgeIds.forEnrollment("enr-1")).isEqualTo("bdg-2a8a1a88c221e96875162c87");
        assertThat(BadgeIds.forEnrollment("enr-1")).isEqualTo(BadgeIds.forEnrollment("enr-1"))
                .isNotEqualTo(BadgeIds.forEnrollment("enr-2"));
    }

    @Test
    void recipientHash_lowerCasesTheEmail_beforeSalting() {
        // printf 'maya.lopez@riverbend.exampleabc' | sha256sum
        assertThat(BadgeIds.recipientHash("Maya.Lopez@Riverbend.example", "abc"))
                .isEqualTo("sha256$6ef83174bf756d1bb7ce072880e12bea74aa2a38ffde8df2bb674e569bf9d1f6")
                .isNotEqualTo(BadgeIds.recipientHash("maya.lopez@riverbend.example", "abd"))
                .matches("sha256\\$[0-9a-f]{64}");
    }
}
