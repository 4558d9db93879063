package org.clinicalsenate.membership.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** Whether a declaration appears in the published register; pending until an admin decides. */
public enum Publication implements KebabCase {
    PENDING, PUBLISHED, WITHHELD;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<Publication> {
        public Db() {
            super(Publication.class);
        }
    }
}
