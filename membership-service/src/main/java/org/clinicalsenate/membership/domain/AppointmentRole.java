package org.clinicalsenate.membership.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** The role an appointment is in. */
public enum AppointmentRole implements KebabCase {
    CHAIR, VICE_CHAIR, MEMBER, PATIENT_PUBLIC_MEMBER, ASSOCIATE;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<AppointmentRole> {
        public Db() {
            super(AppointmentRole.class);
        }
    }
}
