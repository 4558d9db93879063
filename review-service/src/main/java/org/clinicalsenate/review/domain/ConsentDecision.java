package org.clinicalsenate.review.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** The sponsor's decision on publishing its report. Stored as the contract's value. */
public enum ConsentDecision implements KebabCase {
    GIVEN, REFUSED;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<ConsentDecision> {
        public Db() {
            super(ConsentDecision.class);
        }
    }
}
