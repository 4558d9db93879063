package org.clinicalsenate.review.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** Where a panel member's invitation stands. Stored as the contract's value. */
public enum InvitationStatus implements KebabCase {
    INVITED, ACCEPTED, DECLINED;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<InvitationStatus> {
        public Db() {
            super(InvitationStatus.class);
        }
    }
}
