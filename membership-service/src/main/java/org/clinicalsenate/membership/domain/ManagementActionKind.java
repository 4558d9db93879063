package org.clinicalsenate.membership.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** What an admin decided to do about a declared interest. */
public enum ManagementActionKind implements KebabCase {
    NONE_REQUIRED, RESTRICT_PARTICIPATION, EXCLUDE_FROM_RELEVANT_ITEMS, WITHHOLD_PAPERS, OTHER;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<ManagementActionKind> {
        public Db() {
            super(ManagementActionKind.class);
        }
    }
}
