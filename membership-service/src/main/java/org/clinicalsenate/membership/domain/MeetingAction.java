package org.clinicalsenate.membership.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** What was done about an interest declared at a meeting. */
public enum MeetingAction implements KebabCase {
    NONE, LEFT_ROOM_FOR_ITEM, DID_NOT_RECEIVE_PAPERS;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<MeetingAction> {
        public Db() {
            super(MeetingAction.class);
        }
    }
}
