package org.clinicalsenate.membership.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/** The body of a senate an appointment is to. */
public enum AppointmentBody implements KebabCase {
    COUNCIL, ASSEMBLY, EXPERT_POOL;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<AppointmentBody> {
        public Db() {
            super(AppointmentBody.class);
        }
    }
}
