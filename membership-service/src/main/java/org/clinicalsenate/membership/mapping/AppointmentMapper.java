package org.clinicalsenate.membership.mapping;

import java.time.LocalDate;

import org.clinicalsenate.api.membership.model.RecordedEnding;
import org.clinicalsenate.api.membership.model.RecordedWithdrawal;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.commons.mapping.OpenEnums;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.membership.domain.Appointment;
import org.clinicalsenate.membership.domain.AppointmentBody;
import org.clinicalsenate.membership.domain.AppointmentRole;
import org.clinicalsenate.membership.domain.AppointmentStatus;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * Appointments to the contract: {@code status} is as of the given day ({@link Appointment#statusOn}),
 * {@code ending} is present once the appointment was ended, resigned or not renewed, and
 * {@code withdrawal} once a nomination was withdrawn.
 */
@Mapper(config = MappingDefaults.class, imports = OpenLists.class)
public interface AppointmentMapper {

    @Mapping(target = "memberId", source = "member.id")
    @Mapping(target = "status", expression = "java(OpenLists.appointmentStatus(appointment.statusOn(today)))")
    @Mapping(target = "ending", expression = "java(ending(appointment))")
    @Mapping(target = "withdrawal", expression = "java(withdrawal(appointment))")
    org.clinicalsenate.api.membership.model.Appointment toApi(Appointment appointment, @Context LocalDate today);

    default RecordedEnding ending(Appointment appointment) {
        if (appointment.endedOn == null) {
            return null;
        }
        return new RecordedEnding()
                .outcome(OpenLists.appointmentStatus(appointment.status))
                .lastDay(appointment.endedOn)
                .reason(appointment.endReason)
                .recordedBy(appointment.endedBy)
                .recordedAt(Times.utc(appointment.endedAt));
    }

    default RecordedWithdrawal withdrawal(Appointment appointment) {
        if (appointment.withdrawnAt == null) {
            return null;
        }
        return new RecordedWithdrawal()
                .reason(appointment.withdrawalReason)
                .recordedBy(appointment.withdrawnBy)
                .recordedAt(Times.utc(appointment.withdrawnAt));
    }

    /** An ending's outcome (an open list in the contract): 400 unless it is one the domain knows. */
    default AppointmentStatus outcome(String outcome) {
        return OpenEnums.parse(AppointmentStatus.ENDINGS, "outcome", outcome);
    }

    AppointmentBody toDomain(org.clinicalsenate.api.membership.model.AppointmentBody body);

    AppointmentRole toDomain(org.clinicalsenate.api.membership.model.AppointmentRole role);
}
