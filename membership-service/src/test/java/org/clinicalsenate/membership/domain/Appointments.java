package org.clinicalsenate.membership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Appointments and members built in memory for the domain's unit tests. */
final class Appointments {

    private Appointments() {
    }

    static Member member(String name, Profession profession) {
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.senate = "south-east";
        member.name = name;
        member.profession = profession;
        return member;
    }

    static Appointment nominated(Member member, AppointmentBody body, AppointmentRole role, String start, String end) {
        return Appointment.nominate(member, body, role, LocalDate.parse(start), LocalDate.parse(end), "admin",
                Instant.now());
    }

    static Appointment approved(Member member, AppointmentBody body, AppointmentRole role, String start, String end) {
        Appointment appointment = nominated(member, body, role, start, end);
        appointment.approve("admin", Instant.now());
        return appointment;
    }

    static Appointment councilMember(Member member, String start, String end) {
        return approved(member, AppointmentBody.COUNCIL, AppointmentRole.MEMBER, start, end);
    }
}
