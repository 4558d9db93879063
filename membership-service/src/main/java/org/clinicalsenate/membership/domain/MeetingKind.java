package org.clinicalsenate.membership.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** Where a declaration was made at the start of proceedings. */
public enum MeetingKind implements KebabCase {
    COUNCIL_MEETING, PANEL_MEETING, SITE_VISIT;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<MeetingKind> {
        public Db() {
            super(MeetingKind.class);
        }
    }
}
