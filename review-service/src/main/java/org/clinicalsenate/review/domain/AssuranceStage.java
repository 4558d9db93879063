package org.clinicalsenate.review.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** The NHS England service-change assurance stage a request's advice feeds. Stored as the contract's value. */
public enum AssuranceStage implements KebabCase {
    STAGE_1_STRATEGIC_SENSE_CHECK, STAGE_2_CHECKPOINT;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<AssuranceStage> {
        public Db() {
            super(AssuranceStage.class);
        }
    }
}
