package org.clinicalsenate.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicalsenate.membership.domain.Appointments.councilMember;
import static org.clinicalsenate.membership.domain.Appointments.member;
import static org.clinicalsenate.membership.domain.Appointments.nominated;

import java.time.Instant;
import java.time.LocalDate;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.junit.jupiter.api.Test;

class AppointmentTest {

    private final Member amara = member("Amara Okafor", Profession.MEDICINE);

    @Test
    void aNominationIsApprovedOnceWithItsApproverRecorded() {
        Appointment appointment = nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.MEMBER, "2026-04-01", "2029-03-31");
        assertThat(appointment.senate).isEqualTo("south-east");
        assertThat(appointment.statusOn(LocalDate.parse("2026-05-01"))).isEqualTo(AppointmentStatus.NOMINATED);
        Instant at = Instant.parse("2026-03-10T10:00:00Z");
        appointment.approve("southeast-chair", at);
        assertThat(appointment.approvedBy).isEqualTo("southeast-chair");
        assertThat(appointment.approvedAt).isEqualTo(at);
        assertThat(appointment.statusOn(LocalDate.parse("2026-03-31"))).isEqualTo(AppointmentStatus.APPROVED);
        assertThat(appointment.statusOn(LocalDate.parse("2026-04-01"))).isEqualTo(AppointmentStatus.ACTIVE);
        assertThatThrownBy(() -> appointment.approve("someone", Instant.now()))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.type()).isEqualTo(ProblemType.CONFLICT);
                    assertThat(p.allowed()).containsExactly("ended", "resigned", "not-renewed");
                });
    }

    @Test
    void anApprovedAppointmentEndsOnALastDayWithinItsTerm() {
        Appointment appointment = councilMember(amara, "2026-04-01", "2029-03-31");
        assertThatThrownBy(() -> appointment.end(AppointmentStatus.RESIGNED, LocalDate.parse("2029-04-01"), null,
                "admin", Instant.now()))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.type()).isEqualTo(ProblemType.RULE_VIOLATED);
                    assertThat(p.errors().get(0).getField()).isEqualTo("lastDay");
                });
        assertThatThrownBy(() -> appointment.end(AppointmentStatus.RESIGNED, LocalDate.parse("2026-03-31"), null,
                "admin", Instant.now())).isInstanceOf(ProblemException.class);
        appointment.end(AppointmentStatus.RESIGNED, LocalDate.parse("2027-06-30"), "Moved away", "admin", Instant.now());
        assertThat(appointment.lastDay()).isEqualTo(LocalDate.parse("2027-06-30"));
        assertThat(appointment.statusOn(LocalDate.parse("2027-06-30"))).isEqualTo(AppointmentStatus.ACTIVE);
        assertThat(appointment.statusOn(LocalDate.parse("2027-07-01"))).isEqualTo(AppointmentStatus.RESIGNED);
        assertThat(appointment.endReason).isEqualTo("Moved away");
        // ending is final
        assertThatThrownBy(() -> appointment.end(AppointmentStatus.ENDED, LocalDate.parse("2027-06-30"), null,
                "admin", Instant.now()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.allowed()).isEmpty());
    }

    @Test
    void aNominationCannotBeEndedOnlyApproved() {
        Appointment appointment = nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.MEMBER, "2026-04-01", "2029-03-31");
        assertThatThrownBy(() -> appointment.end(AppointmentStatus.NOT_RENEWED, LocalDate.parse("2027-01-01"), null,
                "admin", Instant.now()))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.type()).isEqualTo(ProblemType.CONFLICT);
                    assertThat(p.allowed()).containsExactly("approved", "withdrawn");
                });
        assertThat(appointment.endedOn).isNull();
    }

    @Test
    void aWithdrawnNominationIsFinalAndNeverServed() {
        Appointment appointment = nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.MEMBER, "2026-04-01", "2029-03-31");
        Instant at = Instant.parse("2026-03-05T09:00:00Z");
        appointment.withdraw("Declined the post", "admin", at);
        assertThat(appointment.withdrawnBy).isEqualTo("admin");
        assertThat(appointment.withdrawnAt).isEqualTo(at);
        assertThat(appointment.withdrawalReason).isEqualTo("Declined the post");
        assertThat(appointment.statusOn(LocalDate.parse("2027-01-01"))).isEqualTo(AppointmentStatus.WITHDRAWN);
        assertThat(appointment.servesOn(LocalDate.parse("2027-01-01"))).isFalse();
        assertThatThrownBy(() -> appointment.approve("chair", Instant.now()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.allowed()).isEmpty());
        Appointment approved = councilMember(amara, "2026-04-01", "2029-03-31");
        assertThatThrownBy(() -> approved.withdraw(null, "admin", Instant.now()))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.allowed()).containsExactly("ended", "resigned", "not-renewed"));
    }
}
