package org.clinicalsenate.membership.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** A member's profession (the contract's vocabulary). */
public enum Profession implements KebabCase {
    MEDICINE, NURSING, MIDWIFERY, ALLIED_HEALTH, PHARMACY, DENTISTRY, HEALTHCARE_SCIENCE, PUBLIC_HEALTH, SOCIAL_CARE,
    COMMISSIONING_MANAGEMENT, PATIENT_PUBLIC_VOICE, OTHER;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<Profession> {
        public Db() {
            super(Profession.class);
        }
    }
}
