package org.clinicalsenate.review.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** The council's decision on a report. Stored as the contract's value. */
public enum EndorsementDecision implements KebabCase {
    ENDORSED, ENDORSED_WITH_AMENDMENTS, NOT_ENDORSED;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<EndorsementDecision> {
        public Db() {
            super(EndorsementDecision.class);
        }
    }
}
