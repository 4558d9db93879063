package org.clinicalsenate.review.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** A member's role on a panel. Stored as the contract's value. */
public enum PanelRole implements KebabCase {
    CHAIR, MEMBER;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<PanelRole> {
        public Db() {
            super(PanelRole.class);
        }
    }
}
