package org.clinicalsenate.review.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** What kind of advice is asked for (docs/architecture.md §1); stored as the contract's value. */
public enum AdviceRequestKind implements KebabCase {
    /** "Read and review" by a council group. */
    EARLY_ADVICE,
    /** An Expert Review Panel, usually before NHS England's Stage 2 assurance. */
    CLINICAL_REVIEW,
    INFORMAL_ADVICE,
    /** Started by the council itself (inequalities, workforce...). */
    PROACTIVE_REVIEW;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<AdviceRequestKind> {
        public Db() {
            super(AdviceRequestKind.class);
        }
    }
}
