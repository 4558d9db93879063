package org.clinicalsenate.review.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** A panel meeting, a site visit or an interview session of the panel. Stored as the contract's value. */
public enum MeetingKind implements KebabCase {
    PANEL_MEETING, SITE_VISIT, INTERVIEW;

    /** membership-service's kind of meeting: it has no interviews, which are sessions of the panel. */
    public String membershipValue() {
        return this == INTERVIEW ? PANEL_MEETING.value() : value();
    }

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<MeetingKind> {
        public Db() {
            super(MeetingKind.class);
        }
    }
}
