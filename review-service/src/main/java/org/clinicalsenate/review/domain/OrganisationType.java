package org.clinicalsenate.review.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** What kind of organisation asks for advice; ICBs and NHS England are commissioners. Stored as the contract's value. */
public enum OrganisationType implements KebabCase {
    ICB, NHS_ENGLAND, PROVIDER_TRUST, LOCAL_AUTHORITY, OTHER;

    /** A commissioner sponsors its own requests; any other requester names one. */
    public boolean isCommissioner() {
        return this == ICB || this == NHS_ENGLAND;
    }

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<OrganisationType> {
        public Db() {
            super(OrganisationType.class);
        }
    }
}
