package org.clinicalsenate.review.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** Where a meeting stands (scheduled, or held once a member is recorded as attending). Stored as the contract's value. */
public enum MeetingStatus implements KebabCase {
    SCHEDULED, HELD;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<MeetingStatus> {
        public Db() {
            super(MeetingStatus.class);
        }
    }
}
