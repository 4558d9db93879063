package org.clinicalsenate.membership.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A declaration as a conflict check reads it: whose, which, and the interest declared (a
 * projection: the check reads only these columns). A nil return declares no interest.
 */
public record DeclaredInterest(UUID declarationId, UUID memberId, Interest interest) {

    /** The JPQL constructor expression's shape: the interest's columns one by one. */
    public DeclaredInterest(UUID declarationId, UUID memberId, InterestCategory category, String description,
            String counterpartyOdsCode, String counterpartyName, String relationship, LocalDate start, LocalDate end) {
        this(declarationId, memberId, category == null ? null
                : Interest.of(category, description, Counterparty.of(counterpartyOdsCode, counterpartyName),
                        relationship, start, end));
    }

    public static DeclaredInterest of(Declaration declaration) {
        return new DeclaredInterest(declaration.id, declaration.memberId, declaration.interest);
    }
}
