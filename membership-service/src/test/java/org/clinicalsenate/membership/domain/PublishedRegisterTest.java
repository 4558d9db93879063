package org.clinicalsenate.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinicalsenate.membership.domain.PublishedRegister.DecisionMaker;
import org.clinicalsenate.membership.domain.PublishedRegister.ReturnStatus;
import org.junit.jupiter.api.Test;

class PublishedRegisterTest {

    private static Member member(String name) {
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.name = name;
        return member;
    }

    private static Appointment serving(Member member, AppointmentRole role) {
        Appointment appointment = new Appointment();
        appointment.member = member;
        appointment.role = role;
        return appointment;
    }

    @Test
    void decisionMakersAppearOnceInTheirSeniorRoleByRankThenName() {
        Member adams = member("Adams");
        Member brown = member("Brown");
        Member clarke = member("Clarke");
        Member davies = member("Davies");
        Member evans = member("Evans");
        // as Rosters gives them: in name order, a member with two council appointments twice
        List<Appointment> serving = List.of(serving(adams, AppointmentRole.ASSOCIATE),
                serving(brown, AppointmentRole.PATIENT_PUBLIC_MEMBER), serving(clarke, AppointmentRole.MEMBER),
                serving(clarke, AppointmentRole.VICE_CHAIR), serving(davies, AppointmentRole.MEMBER),
                serving(evans, AppointmentRole.CHAIR));

        List<Appointment> decisionMakers = PublishedRegister.decisionMakers(serving);

        assertThat(decisionMakers).extracting(a -> a.member.name, a -> a.role).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Evans", AppointmentRole.CHAIR),
                org.assertj.core.groups.Tuple.tuple("Clarke", AppointmentRole.VICE_CHAIR),
                org.assertj.core.groups.Tuple.tuple("Brown", AppointmentRole.PATIENT_PUBLIC_MEMBER),
                org.assertj.core.groups.Tuple.tuple("Davies", AppointmentRole.MEMBER),
                org.assertj.core.groups.Tuple.tuple("Adams", AppointmentRole.ASSOCIATE));
    }

    @Test
    void declaredOnIsTheDayInEngland() {
        // 23:30 UTC on 30 June is 00:30 BST on 1 July; in winter London is on UTC
        assertThat(PublishedRegister.declaredOn(Instant.parse("2026-06-30T23:30:00Z"))).isEqualTo("2026-07-01");
        assertThat(PublishedRegister.declaredOn(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo("2026-12-31");
    }

    @Test
    void endedInterestsStayOnTheRegisterForSixMonths() {
        assertThat(PublishedRegister.showsInterestsEndedFrom(LocalDate.of(2026, 11, 23))).isEqualTo("2026-05-23");
        assertThat(PublishedRegister.showsInterestsEndedFrom(LocalDate.of(2026, 8, 31))).isEqualTo("2026-02-28");
    }

    @Test
    void noDeclarationListsTheDecisionMakersWithoutAReturnInTheirOrder() {
        DecisionMaker chair = new DecisionMaker(member("Chair"), AppointmentRole.CHAIR, ReturnStatus.NONE, List.of());
        DecisionMaker nil = new DecisionMaker(member("Nil"), AppointmentRole.MEMBER, ReturnStatus.NIL_RETURN, List.of());
        DecisionMaker lay = new DecisionMaker(member("Lay"), AppointmentRole.PATIENT_PUBLIC_MEMBER, ReturnStatus.NONE,
                List.of());
        DecisionMaker declared = new DecisionMaker(member("Declared"), AppointmentRole.MEMBER, ReturnStatus.DECLARED,
                List.of());

        PublishedRegister register = PublishedRegister.of(new Senate(), LocalDate.of(2026, 11, 23), null,
                List.of(chair, nil, lay, declared));

        assertThat(register.noDeclaration()).containsExactly(chair, lay);
        assertThat(register.decisionMakers()).containsExactly(chair, nil, lay, declared);
    }
}
