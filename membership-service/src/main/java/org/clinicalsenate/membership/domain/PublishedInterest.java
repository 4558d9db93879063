package org.clinicalsenate.membership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A declaration as the public register shows it: the version last published and the management
 * action decided for it (a projection: the register reads only these columns).
 */
public record PublishedInterest(UUID memberId, Interest interest, Instant declaredAt, ManagementActionKind action,
        String actionDetail) {

    /** The JPQL constructor expression's shape: the interest's columns one by one. */
    public PublishedInterest(UUID memberId, InterestCategory category, String description, String counterpartyOdsCode,
            String counterpartyName, String relationship, LocalDate start, LocalDate end, Instant declaredAt,
            ManagementActionKind action, String actionDetail) {
        this(memberId, Interest.of(category, description, Counterparty.of(counterpartyOdsCode, counterpartyName),
                relationship, start, end), declaredAt, action, actionDetail);
    }
}
