package org.clinicalsenate.review.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** How far a proposed service change has got. Stored as the contract's value. */
public enum ProposalStage implements KebabCase {
    CASE_FOR_CHANGE, OPTIONS_APPRAISAL, PRE_CONSULTATION_BUSINESS_CASE, CONSULTATION, DECISION;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<ProposalStage> {
        public Db() {
            super(ProposalStage.class);
        }
    }
}
