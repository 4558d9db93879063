package org.clinicalsenate.review.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** The senate's decision on a received request, and the status each one leads to. */
public enum TriageDecision implements KebabCase {
    ACCEPT(AdviceRequestStatus.ACCEPTED),
    DECLINE(AdviceRequestStatus.DECLINED),
    REDIRECT(AdviceRequestStatus.REDIRECTED);

    private final AdviceRequestStatus outcome;

    TriageDecision(AdviceRequestStatus outcome) {
        this.outcome = outcome;
    }

    /** The status the request takes on this decision. */
    public AdviceRequestStatus outcome() {
        return outcome;
    }

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<TriageDecision> {
        public Db() {
            super(TriageDecision.class);
        }
    }
}
