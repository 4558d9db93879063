package org.clinicalsenate.review.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** A panel member's attendance at a meeting, expected until recorded. Stored as the contract's value. */
public enum Attendance implements KebabCase {
    EXPECTED, ATTENDED, ABSENT, APOLOGIES;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<Attendance> {
        public Db() {
            super(Attendance.class);
        }
    }
}
