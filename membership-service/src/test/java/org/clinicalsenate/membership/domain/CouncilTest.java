package org.clinicalsenate.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.membership.domain.Appointments.approved;
import static org.clinicalsenate.membership.domain.Appointments.councilMember;
import static org.clinicalsenate.membership.domain.Appointments.member;
import static org.clinicalsenate.membership.domain.Appointments.nominated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CouncilTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    private final Senate senate = senate(20);
    private final Member amara = member("Dr Amara Okafor", Profession.MEDICINE);
    private final Member peter = member("Peter Hughes", Profession.PATIENT_PUBLIC_VOICE);
    private final Member bea = member("bea Adams", Profession.NURSING);
    private final Member carl = member("Carl Diaz", Profession.MEDICINE);

    @Test
    void membersAreListedByRoleThenNameWithCountsLeavingOutEmptyRolesAndProfessions() {
        Council council = Council.of(senate, List.of(
                councilMember(carl, "2025-01-01", "2027-12-31"),
                approved(peter, AppointmentBody.COUNCIL, AppointmentRole.PATIENT_PUBLIC_MEMBER, "2024-01-01", "2026-12-31"),
                councilMember(bea, "2025-01-01", "2027-12-31"),
                approved(amara, AppointmentBody.COUNCIL, AppointmentRole.CHAIR, "2025-04-01", "2028-03-31")), TODAY);

        assertThat(council.members).extracting(a -> a.member.name)
                .containsExactly("Dr Amara Okafor", "bea Adams", "Carl Diaz", "Peter Hughes");
        assertThat(council.byRole()).containsExactly(
                org.assertj.core.api.Assertions.entry(AppointmentRole.CHAIR, 1),
                org.assertj.core.api.Assertions.entry(AppointmentRole.MEMBER, 2),
                org.assertj.core.api.Assertions.entry(AppointmentRole.PATIENT_PUBLIC_MEMBER, 1));
        assertThat(council.byProfession()).containsOnly(
                org.assertj.core.api.Assertions.entry(Profession.MEDICINE, 2),
                org.assertj.core.api.Assertions.entry(Profession.NURSING, 1),
                org.assertj.core.api.Assertions.entry(Profession.PATIENT_PUBLIC_VOICE, 1));
        assertThat(council.memberCount()).isEqualTo(4);
        assertThat(council.vacancies()).isEqualTo(16);
        assertThat(council.chairVacant()).isFalse();
        assertThat(council.patientPublicMembers()).isEqualTo(1);
        assertThat(council.patientPublicMembersBelowMinimum()).isTrue();
    }

    @Test
    void onlyAppointmentsServedThatDayCount() {
        Appointment resigned = councilMember(bea, "2025-01-01", "2027-12-31");
        resigned.end(AppointmentStatus.RESIGNED, LocalDate.parse("2026-10-31"), null, "admin", Instant.now());
        Council council = Council.of(senate, List.of(
                approved(peter, AppointmentBody.COUNCIL, AppointmentRole.PATIENT_PUBLIC_MEMBER, "2024-01-01", "2026-12-31"),
                approved(amara, AppointmentBody.COUNCIL, AppointmentRole.PATIENT_PUBLIC_MEMBER, "2026-01-01", "2028-12-31"),
                resigned,
                nominated(carl, AppointmentBody.COUNCIL, AppointmentRole.CHAIR, "2026-01-01", "2028-12-31"),
                approved(carl, AppointmentBody.ASSEMBLY, AppointmentRole.MEMBER, "2026-01-01", "2028-12-31"),
                councilMember(carl, "2027-01-01", "2029-12-31")), TODAY);
        assertThat(council.members).extracting(a -> a.member.name).containsExactly("Dr Amara Okafor", "Peter Hughes");
        assertThat(council.chairVacant()).isTrue();
        assertThat(council.patientPublicMembers()).isEqualTo(2);
        assertThat(council.patientPublicMembersBelowMinimum()).isFalse();
    }

    @Test
    void termsEndingWithinNinetyDaysAreListedSoonestFirstIncludingEarlyEndings() {
        Appointment resigning = councilMember(bea, "2025-01-01", "2027-12-31");
        resigning.end(AppointmentStatus.RESIGNED, LocalDate.parse("2027-01-31"), null, "admin", Instant.now());
        Council council = Council.of(senate, List.of(
                approved(peter, AppointmentBody.COUNCIL, AppointmentRole.PATIENT_PUBLIC_MEMBER, "2024-01-01", "2026-12-31"),
                resigning,
                councilMember(carl, "2024-03-01", "2027-02-21"),
                councilMember(amara, "2024-03-01", "2027-02-22")), TODAY);
        // 2026-11-23 + 90 days = 2027-02-21
        assertThat(council.termsEndingSoon()).extracting(a -> a.member.name)
                .containsExactly("Peter Hughes", "bea Adams", "Carl Diaz");
    }

    @Test
    void vacanciesAreNeverNegativeAndAMemberInTwoRolesFillsOneSeat() {
        Council small = Council.of(senate(1), List.of(councilMember(carl, "2025-01-01", "2027-12-31"),
                councilMember(bea, "2025-01-01", "2027-12-31")), TODAY);
        assertThat(small.vacancies()).isZero();

        Council twoRoles = Council.of(senate, List.of(councilMember(carl, "2025-01-01", "2027-12-31"),
                approved(carl, AppointmentBody.COUNCIL, AppointmentRole.VICE_CHAIR, "2026-06-01", "2027-12-31")), TODAY);
        assertThat(twoRoles.memberCount()).isEqualTo(1);
        assertThat(twoRoles.members).hasSize(2);
        assertThat(twoRoles.byProfession()).containsOnly(org.assertj.core.api.Assertions.entry(Profession.MEDICINE, 1));
    }

    private static Senate senate(int seats) {
        Senate senate = new Senate();
        senate.slug = "south-east";
        senate.councilSeats = seats;
        return senate;
    }
}
