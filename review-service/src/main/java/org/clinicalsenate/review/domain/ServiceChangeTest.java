package org.clinicalsenate.review.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** NHS England's tests for service change, which a review assesses. Stored as the contract's value. */
public enum ServiceChangeTest implements KebabCase {
    TEST_1_PUBLIC_ENGAGEMENT,
    TEST_2_PATIENT_CHOICE,
    /** A clear clinical evidence base: always assessed by a clinical review. */
    TEST_3_CLINICAL_EVIDENCE_BASE,
    TEST_4_COMMISSIONER_SUPPORT,
    /** Assessed when the proposal closes beds. */
    TEST_5_BED_CLOSURES;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<ServiceChangeTest> {
        public Db() {
            super(ServiceChangeTest.class);
        }
    }
}
