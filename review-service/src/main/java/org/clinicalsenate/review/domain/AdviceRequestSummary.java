package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An advice request as its list shows it (without its background, contact, triage and withdrawal): a
 * projection, read without loading the entity.
 */
public record AdviceRequestSummary(UUID id, String senate, String requestingOrganisation,
        OrganisationType requestingOrganisationType, String sponsor, AdviceRequestKind kind, String title,
        String question, List<String> areaUnderReview, List<String> organisationsInScope, ProposalStage proposalStage,
        AssuranceStage assuranceStage, LocalDate neededBy, boolean shortNotice, List<String> outcomeDomains,
        String topic, AdviceRequestStatus status, String submittedBy, Instant submittedAt, Instant updatedAt) {
}
