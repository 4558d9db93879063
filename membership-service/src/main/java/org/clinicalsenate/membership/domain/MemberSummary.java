package org.clinicalsenate.membership.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.common.ProjectedFieldName;

/**
 * A member as the member list shows them: a projection of the columns the list returns, read
 * without loading the entity. The email is in it, for those who may see it (see MemberAccess).
 */
public record MemberSummary(UUID id, String senate, String name, String professionalTitle, Profession profession,
        String specialty,
        @ProjectedFieldName("registration.body") String registrationBody,
        @ProjectedFieldName("registration.number") String registrationNumber,
        @ProjectedFieldName("employer.odsCode") String employerOdsCode,
        @ProjectedFieldName("employer.name") String employerName,
        @ProjectedFieldName("employer.icb") String employerIcb,
        String email, Instant createdAt, Instant updatedAt) {
}
