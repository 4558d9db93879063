package org.clinicalsenate.membership.mapping;

import java.time.LocalDate;

import org.clinicalsenate.api.membership.model.AppointmentOutcome;
import org.clinicalsenate.api.membership.model.RecordedEnding;
import org.clinicalsenate.api.membership.model.RecordedWithdrawal;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.membership.domain.Appointment;
import org.clinicalsenate.membership.domain.AppointmentBody;
import org.clinicalsenate.membership.domain.AppointmentRole;
import org.clinicalsenate.membership.domain.AppointmentStatus;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ValueMapping;

/**
 * Appointments to the contract: {@code status} is as of the given day ({@link Appointment#statusOn}),
 * {@code ending} is present once the appointment was ended, resigned or not renewed, and
 * {@code withdrawal} once a nomination was withdrawn.
 */
@Mapper(config = MappingDefaults.class)
public interface AppointmentMapper {

    @Mapping(target = "memberId", source = "member.id")
    @Mapping(target = "status", expression = "java(toApi(appointment.statusOn(today)))")
    @Mapping(target = "ending", expression = "java(ending(appointment))")
    @Mapping(target = "withdrawal", expression = "java(withdrawal(appointment))")
    org.clinicalsenate.api.membership.model.Appointment toApi(Appointment appointment, @Context LocalDate today);

    default RecordedEnding ending(Appointment appointment) {
        if (appointment.endedOn == null) {
            return null;
        }
        return new RecordedEnding()
                .outcome(toOutcome(appointment.status))
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

    org.clinicalsenate.api.membership.model.AppointmentStatus toApi(AppointmentStatus status);

    @ValueMapping(source = MappingConstants.ANY_REMAINING, target = MappingConstants.NULL)
    AppointmentOutcome toOutcome(AppointmentStatus status);

    AppointmentStatus toDomain(AppointmentOutcome outcome);

    AppointmentBody toDomain(org.clinicalsenate.api.membership.model.AppointmentBody body);

    AppointmentRole toDomain(org.clinicalsenate.api.membership.model.AppointmentRole role);
}
