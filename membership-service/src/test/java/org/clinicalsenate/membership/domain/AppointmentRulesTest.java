package org.clinicalsenate.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicalsenate.membership.domain.Appointments.approved;
import static org.clinicalsenate.membership.domain.Appointments.councilMember;
import static org.clinicalsenate.membership.domain.Appointments.member;
import static org.clinicalsenate.membership.domain.Appointments.nominated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.junit.jupiter.api.Test;

class AppointmentRulesTest {

    /** The defaults: 3-year terms, 2 consecutive terms. */
    private final AppointmentRules rules = new AppointmentRules(3, 2);
    private final Member amara = member("Amara Okafor", Profession.MEDICINE);

    @Test
    void aTermOfExactlyTheMaximumLengthIsAllowedButNotADayMore() {
        assertThatCode(() -> rules.check(nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.MEMBER,
                "2026-04-01", "2029-03-31"), List.of(), List.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.check(nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.MEMBER,
                "2026-04-01", "2029-04-01"), List.of(), List.of()))
                .satisfies(e -> assertRule(e, ProblemType.RULE_VIOLATED, "termEnd"))
                .hasMessageContaining("maximum of 3 years").hasMessageContaining("ends by 2029-03-31");
        assertThatCode(() -> new AppointmentRules(4, 2).checkTerm(LocalDate.parse("2026-04-01"),
                LocalDate.parse("2030-03-31"))).doesNotThrowAnyException();
    }

    @Test
    void aTermCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> rules.checkTerm(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-03-31")))
                .satisfies(e -> assertRule(e, ProblemType.RULE_VIOLATED, "termEnd"))
                .hasMessage("termEnd must not be before termStart (2026-04-01)");
        assertThatCode(() -> rules.checkTerm(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-01")))
                .doesNotThrowAnyException();
    }

    @Test
    void aMemberHoldsOneAppointmentToABodyAtATimeWhetherNominatedOrApproved() {
        Appointment current = councilMember(amara, "2024-04-01", "2027-03-31");
        Appointment pending = nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.VICE_CHAIR, "2027-04-01", "2028-03-31");
        assertThatThrownBy(() -> rules.check(nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.VICE_CHAIR,
                "2027-03-31", "2028-03-31"), List.of(current), List.of()))
                .satisfies(e -> assertRule(e, ProblemType.CONFLICT, null))
                .hasMessageContaining("overlaps the member's approved appointment " + current.id);
        assertThatThrownBy(() -> rules.check(nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.MEMBER,
                "2028-01-01", "2028-12-31"), List.of(pending), List.of()))
                .satisfies(e -> assertRule(e, ProblemType.CONFLICT, null))
                .hasMessageContaining("nominated appointment");
        // a withdrawn nomination holds nothing
        pending.withdraw("Made in error", "admin", Instant.now());
        assertThatCode(() -> rules.check(nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.MEMBER,
                "2028-01-01", "2028-12-31"), List.of(pending), List.of())).doesNotThrowAnyException();
        // another body is not an overlap
        assertThatCode(() -> rules.check(nominated(amara, AppointmentBody.EXPERT_POOL, AppointmentRole.MEMBER,
                "2025-01-01", "2026-12-31"), List.of(), List.of())).doesNotThrowAnyException();
    }

    @Test
    void anAppointmentEndedEarlyFreesTheRestOfItsTerm() {
        Appointment resigned = councilMember(amara, "2024-04-01", "2027-03-31");
        resigned.end(AppointmentStatus.RESIGNED, LocalDate.parse("2025-06-30"), "Moved away", "admin", Instant.now());
        assertThatCode(() -> rules.check(nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.VICE_CHAIR,
                "2025-09-01", "2027-03-31"), List.of(resigned), List.of())).doesNotThrowAnyException();
    }

    @Test
    void theCandidateItselfIsNotAnOverlapWhenItsApprovalIsChecked() {
        Appointment nomination = nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.MEMBER, "2026-04-01", "2029-03-31");
        assertThatCode(() -> rules.check(nomination, List.of(nomination), List.of())).doesNotThrowAnyException();
    }

    @Test
    void aThirdBackToBackTermIsRefusedNamingTheCount() {
        Appointment first = councilMember(amara, "2020-04-01", "2023-03-31");
        Appointment second = councilMember(amara, "2023-04-01", "2026-03-31");
        assertThatThrownBy(() -> rules.check(nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.MEMBER,
                "2026-04-01", "2029-03-31"), List.of(first, second), List.of()))
                .satisfies(e -> assertRule(e, ProblemType.RULE_VIOLATED, "termStart"))
                .hasMessage("termStart would make 3 consecutive terms on the council; the senate allows at most 2");
        // a gap of a day breaks the run
        assertThatCode(() -> rules.check(nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.MEMBER,
                "2026-04-02", "2029-03-31"), List.of(first, second), List.of())).doesNotThrowAnyException();
        // a senate allowing three terms accepts it
        assertThatCode(() -> new AppointmentRules(3, 3).check(nominated(amara, AppointmentBody.COUNCIL,
                AppointmentRole.MEMBER, "2026-04-01", "2029-03-31"), List.of(first, second), List.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void aTermFillingTheGapBetweenTwoOthersJoinsThemIntoOneRun() {
        Appointment before = councilMember(amara, "2020-04-01", "2023-03-31");
        Appointment after = nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.MEMBER, "2026-04-01", "2029-03-31");
        assertThatThrownBy(() -> rules.check(nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.MEMBER,
                "2023-04-01", "2026-03-31"), List.of(after, before), List.of()))
                .hasMessageContaining("would make 3 consecutive terms");
    }

    @Test
    void termsOnAnotherBodyOrSeparatedByABreakDoNotCount() {
        Appointment old = councilMember(amara, "2014-04-01", "2017-03-31");
        Appointment recent = councilMember(amara, "2023-04-01", "2026-03-31");
        Appointment pool = approved(amara, AppointmentBody.EXPERT_POOL, AppointmentRole.MEMBER, "2020-04-01", "2023-03-31");
        assertThatCode(() -> rules.check(nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.MEMBER,
                "2026-04-01", "2029-03-31"), List.of(old, recent), List.of(pool))).doesNotThrowAnyException();
    }

    @Test
    void aCouncilHasOneChairAtATime() {
        Member peter = member("Peter Hughes", Profession.NURSING);
        Appointment chair = approved(peter, AppointmentBody.COUNCIL, AppointmentRole.CHAIR, "2025-04-01", "2028-03-31");
        assertThatThrownBy(() -> rules.check(nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.CHAIR,
                "2027-04-01", "2030-03-31"), List.of(), List.of(chair)))
                .satisfies(e -> assertRule(e, ProblemType.CONFLICT, null))
                .hasMessageContaining("one active chair").hasMessageContaining(chair.id.toString());
        // the next chair may start the day after the current chair's last day
        assertThatCode(() -> rules.check(nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.CHAIR,
                "2028-04-01", "2031-03-31"), List.of(), List.of(chair))).doesNotThrowAnyException();
        // a rival nomination does not block (only an approved chair does), nor an assembly chair
        Appointment rival = nominated(peter, AppointmentBody.COUNCIL, AppointmentRole.CHAIR, "2027-04-01", "2030-03-31");
        assertThatCode(() -> rules.check(nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.CHAIR,
                "2029-04-01", "2030-03-31"), List.of(), List.of(rival))).doesNotThrowAnyException();
        assertThatCode(() -> rules.check(nominated(amara, AppointmentBody.ASSEMBLY, AppointmentRole.CHAIR,
                "2027-04-01", "2030-03-31"), List.of(), List.of(chair))).doesNotThrowAnyException();
    }

    @Test
    void aChairWhoResignedLeavesTheChairFreeFromTheDayAfter() {
        Member peter = member("Peter Hughes", Profession.NURSING);
        Appointment chair = approved(peter, AppointmentBody.COUNCIL, AppointmentRole.CHAIR, "2025-04-01", "2028-03-31");
        chair.end(AppointmentStatus.RESIGNED, LocalDate.parse("2026-12-31"), null, "admin", Instant.now());
        assertThatCode(() -> rules.check(nominated(amara, AppointmentBody.COUNCIL, AppointmentRole.CHAIR,
                "2027-01-01", "2029-12-31"), List.of(), List.of(chair))).doesNotThrowAnyException();
    }

    private static void assertRule(Throwable e, ProblemType type, String field) {
        assertThat(e).isInstanceOf(ProblemException.class);
        ProblemException problem = (ProblemException) e;
        assertThat(problem.type()).isEqualTo(type);
        if (field != null) {
            assertThat(problem.errors()).singleElement().satisfies(f -> assertThat(f.getField()).isEqualTo(field));
        }
    }
}
