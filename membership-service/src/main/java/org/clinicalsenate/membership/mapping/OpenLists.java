package org.clinicalsenate.membership.mapping;

import org.clinicalsenate.commons.mapping.OpenEnums;
import org.clinicalsenate.membership.domain.AppointmentStatus;
import org.clinicalsenate.membership.domain.ConflictRules;
import org.clinicalsenate.membership.domain.Profession;
import org.clinicalsenate.membership.domain.Publication;
import org.clinicalsenate.membership.domain.PublishedRegister;
import org.clinicalsenate.membership.service.Rosters;

/**
 * The domain enums that are open lists in the membership contract ({@code x-extensible-enum}), to
 * their contract values; MapStruct picks these by type ({@code @Mapper(uses = OpenLists.class)}).
 * Values in requests are read by the mappers that take them, with the field's name for a 400.
 */
public final class OpenLists {

    private OpenLists() {
    }

    public static String profession(Profession profession) {
        return OpenEnums.value(profession);
    }

    public static String appointmentStatus(AppointmentStatus status) {
        return OpenEnums.value(status);
    }

    public static String publication(Publication publication) {
        return OpenEnums.value(publication);
    }

    public static String roundReturn(Rosters.Return status) {
        return OpenEnums.value(status);
    }

    public static String registerReturn(PublishedRegister.ReturnStatus status) {
        return OpenEnums.value(status);
    }

    public static String conflictOutcome(ConflictRules.Outcome outcome) {
        return OpenEnums.value(outcome);
    }

    public static String conflictReason(ConflictRules.ReasonCode code) {
        return OpenEnums.value(code);
    }
}
