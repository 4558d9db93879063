package org.clinicalsenate.membership.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** The categories of NHS England's guidance on managing conflicts of interest. */
public enum InterestCategory implements KebabCase {
    FINANCIAL, NON_FINANCIAL_PROFESSIONAL, NON_FINANCIAL_PERSONAL, INDIRECT;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<InterestCategory> {
        public Db() {
            super(InterestCategory.class);
        }
    }
}
