package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.util.UUID;

/** An advice request as its list shows it: a projection, read without loading the entity. */
public record AdviceRequestSummary(UUID id, String senate, String requestingOrganisation, AdviceRequestKind kind,
        String title, String question, AdviceRequestStatus status, String submittedBy, Instant submittedAt,
        Instant updatedAt) {
}
