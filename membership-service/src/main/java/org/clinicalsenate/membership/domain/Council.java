package org.clinicalsenate.membership.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A senate's council on a day, as its composition view shows it: who sits in which role, how
 * many patient and public members there are, the vacancies against the council's seats, and the
 * terms ending soon. A member holding two council appointments that day (a role change within a
 * term) fills two roles but one seat.
 */
public final class Council {

    /** Fewer patient and public members than this is flagged. */
    public static final int MIN_PATIENT_PUBLIC_MEMBERS = 2;

    /** A term whose last day falls within this many days is ending soon. */
    public static final int ENDING_SOON_DAYS = 90;

    private static final Comparator<Appointment> BY_NAME = Comparator
            .comparing((Appointment a) -> a.member.name.toLowerCase(Locale.ROOT))
            .thenComparing(a -> a.member.id)
            .thenComparing(a -> a.termStart);

    public final String senate;
    public final LocalDate asOf;
    public final int seats;
    /** The council's appointments served that day, by role (chair first) then name. */
    public final List<Appointment> members;

    private Council(String senate, LocalDate asOf, int seats, List<Appointment> members) {
        this.senate = senate;
        this.asOf = asOf;
        this.seats = seats;
        this.members = members;
    }

    /** The council from the appointments served on {@code asOf} (with their members loaded). */
    public static Council of(Senate senate, List<Appointment> serving, LocalDate asOf) {
        List<Appointment> members = serving.stream()
                .filter(a -> a.body == AppointmentBody.COUNCIL && a.servesOn(asOf))
                .sorted(Comparator.comparing((Appointment a) -> a.role).thenComparing(BY_NAME))
                .toList();
        return new Council(senate.slug, asOf, senate.councilSeats, members);
    }

    public int memberCount() {
        return (int) members.stream().map(a -> a.member.id).distinct().count();
    }

    public int vacancies() {
        return Math.max(0, seats - memberCount());
    }

    public boolean chairVacant() {
        return members.stream().noneMatch(a -> a.role == AppointmentRole.CHAIR);
    }

    public int patientPublicMembers() {
        return (int) members.stream().filter(a -> a.role == AppointmentRole.PATIENT_PUBLIC_MEMBER)
                .map(a -> a.member.id).distinct().count();
    }

    public boolean patientPublicMembersBelowMinimum() {
        return patientPublicMembers() < MIN_PATIENT_PUBLIC_MEMBERS;
    }

    /** Appointments per role; roles nobody holds are left out. */
    public Map<AppointmentRole, Integer> byRole() {
        return members.stream().collect(Collectors.groupingBy(a -> a.role, () -> new EnumMap<>(AppointmentRole.class),
                Collectors.summingInt(a -> 1)));
    }

    /** Members per profession; professions nobody has are left out. */
    public Map<Profession, Integer> byProfession() {
        Map<UUID, Member> distinct = members.stream()
                .collect(Collectors.toMap(a -> a.member.id, a -> a.member, (first, second) -> first));
        return distinct.values().stream().collect(Collectors.groupingBy(m -> m.profession,
                () -> new EnumMap<>(Profession.class), Collectors.summingInt(m -> 1)));
    }

    /** Appointments whose last day falls within the next {@value #ENDING_SOON_DAYS} days, soonest first. */
    public List<Appointment> termsEndingSoon() {
        LocalDate horizon = asOf.plusDays(ENDING_SOON_DAYS);
        return members.stream()
                .filter(a -> !a.lastDay().isAfter(horizon))
                .sorted(Comparator.comparing(Appointment::lastDay).thenComparing(BY_NAME))
                .toList();
    }
}
