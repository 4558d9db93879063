package org.clinicalsenate.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.clinicalsenate.membership.domain.ConflictRules.Outcome;
import org.clinicalsenate.membership.domain.ConflictRules.Reason;
import org.clinicalsenate.membership.domain.ConflictRules.ReasonCode;
import org.clinicalsenate.membership.domain.ConflictRules.Result;
import org.clinicalsenate.membership.domain.ConflictRules.Scope;
import org.junit.jupiter.api.Test;

class ConflictRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    /** A review of Southampton's trust (RHM) in Hampshire and Isle of Wight ICB's area (QRL). */
    private static final Scope REVIEW = new Scope(Set.of("RHM"), Set.of("QRL"), DAY, Period.ofMonths(12));

    private static EmployerOrganisation employer(String odsCode, String name, String icb) {
        EmployerOrganisation employer = new EmployerOrganisation();
        employer.odsCode = odsCode;
        employer.name = name;
        employer.icb = icb;
        return employer;
    }

    private static Declaration interest(InterestCategory category, String odsCode, LocalDate start, LocalDate end) {
        Declaration declaration = new Declaration();
        declaration.id = UUID.randomUUID();
        declaration.interest = new Interest();
        declaration.interest.category = category;
        declaration.interest.description = "An interest";
        declaration.interest.counterparty = new Counterparty();
        declaration.interest.counterparty.odsCode = odsCode;
        declaration.interest.counterparty.name = "Organisation " + odsCode;
        declaration.interest.start = start;
        declaration.interest.end = end;
        return declaration;
    }

    private static DeclarationRound round() {
        DeclarationRound round = new DeclarationRound();
        round.senate = "south-east";
        round.year = 2026;
        round.dueDate = LocalDate.of(2026, 12, 31);
        return round;
    }

    private static Result check(EmployerOrganisation employer, List<Declaration> declarations) {
        return ConflictRules.check(employer, declarations.stream().map(DeclaredInterest::of).toList(), null, REVIEW);
    }

    @Test
    void aMemberWithNoTiesToTheReviewIsClear() {
        Result result = check(employer("R1F", "Isle of Wight NHS Trust", "QSL"),
                List.of(interest(InterestCategory.FINANCIAL, "RYR", DAY.minusYears(1), null)));
        assertThat(result.outcome()).isEqualTo(Outcome.CLEAR);
        assertThat(result.reasons()).isEmpty();
        assertThat(check(null, List.of()).outcome()).isEqualTo(Outcome.CLEAR);
        assertThat(check(employer(null, null, null), List.of()).outcome()).isEqualTo(Outcome.CLEAR);
    }

    @Test
    void employmentByAnOrganisationInScopeConflictsAndSaysWhichOrganisation() {
        Result result = check(employer("RHM", "University Hospital Southampton NHS Foundation Trust", null), List.of());
        assertThat(result.outcome()).isEqualTo(Outcome.CONFLICTED);
        assertThat(result.reasons()).containsExactly(new Reason(ReasonCode.EMPLOYED_BY_ORGANISATION_IN_SCOPE,
                "Employed by RHM (University Hospital Southampton NHS Foundation Trust), an organisation in scope",
                "RHM", null));
    }

    @Test
    void anEmployerInsideTheReviewedAreaConflictsWhetherItIsTheIcbOrInIt() {
        Result inArea = check(employer("R1C", "Solent NHS Trust", "QRL"), List.of());
        assertThat(inArea.outcome()).isEqualTo(Outcome.CONFLICTED);
        assertThat(inArea.reasons()).containsExactly(new Reason(ReasonCode.EMPLOYER_IN_REVIEWED_AREA,
                "Employed by R1C (Solent NHS Trust), inside the area of QRL under review", "R1C", null));

        Result theIcb = check(employer("QRL", "NHS Hampshire and Isle of Wight ICB", null), List.of());
        assertThat(theIcb.reasons()).extracting(Reason::code, Reason::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ReasonCode.EMPLOYER_IN_REVIEWED_AREA,
                        "Employed by QRL (NHS Hampshire and Isle of Wight ICB), whose area is under review"));
    }

    @Test
    void everyReasonThatAppliesIsGiven() {
        Declaration interest = interest(InterestCategory.FINANCIAL, "RHM", LocalDate.of(2026, 9, 1), null);
        Result result = ConflictRules.check(employer("RHM", null, "QRL"), List.of(DeclaredInterest.of(interest)), round(),
                REVIEW);
        assertThat(result.outcome()).isEqualTo(Outcome.CONFLICTED);
        assertThat(result.reasons()).extracting(Reason::code).containsExactly(
                ReasonCode.EMPLOYED_BY_ORGANISATION_IN_SCOPE, ReasonCode.EMPLOYER_IN_REVIEWED_AREA,
                ReasonCode.DECLARED_INTEREST_IN_ORGANISATION, ReasonCode.NO_DECLARATION_IN_CURRENT_ROUND);
        assertThat(result.reasons().get(0).message()).isEqualTo("Employed by RHM, an organisation in scope");
    }

    @Test
    void aDeclaredInterestInAnOrganisationInScopeOrInTheAreaConflicts() {
        Declaration trust = interest(InterestCategory.FINANCIAL, "RHM", LocalDate.of(2026, 9, 1), null);
        Result result = check(null, List.of(trust));
        assertThat(result.outcome()).isEqualTo(Outcome.CONFLICTED);
        assertThat(result.reasons()).containsExactly(new Reason(ReasonCode.DECLARED_INTEREST_IN_ORGANISATION,
                "Declared a financial interest in RHM (Organisation RHM), active from 2026-09-01", "RHM", trust.id));

        Declaration icb = interest(InterestCategory.INDIRECT, "QRL", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 3, 31));
        icb.interest.relationship = "spouse";
        assertThat(check(null, List.of(icb)).reasons()).extracting(Reason::message).containsExactly(
                "Declared an indirect interest (spouse) in QRL (Organisation QRL), active from 2025-01-01 to 2026-03-31;"
                        + " its area is under review");
    }

    @Test
    void anInterestCountsUntilTheLookbackWindowHasPassedSinceItEnded() {
        LocalDate windowStart = LocalDate.of(2025, 11, 23);
        assertThat(REVIEW.lookbackFrom()).isEqualTo(windowStart);
        Declaration endedOnWindowStart = interest(InterestCategory.NON_FINANCIAL_PROFESSIONAL, "RHM",
                LocalDate.of(2020, 1, 1), windowStart);
        Declaration endedTheDayBefore = interest(InterestCategory.NON_FINANCIAL_PROFESSIONAL, "RHM",
                LocalDate.of(2020, 1, 1), windowStart.minusDays(1));
        assertThat(check(null, List.of(endedOnWindowStart)).reasons()).extracting(Reason::message).containsExactly(
                "Declared a non-financial professional interest in RHM (Organisation RHM), active from 2020-01-01 to 2025-11-23");
        assertThat(check(null, List.of(endedTheDayBefore)).outcome()).isEqualTo(Outcome.CLEAR);

        Scope sixMonths = new Scope(Set.of("RHM"), Set.of(), DAY, Period.ofMonths(6));
        assertThat(ConflictRules.check(null, List.of(DeclaredInterest.of(endedOnWindowStart)), null, sixMonths).outcome())
                .isEqualTo(Outcome.CLEAR);
    }

    @Test
    void anInterestThatBeginsAfterTheDayDoesNotCountYet() {
        assertThat(check(null, List.of(interest(InterestCategory.FINANCIAL, "RHM", DAY.plusDays(1), null))).outcome())
                .isEqualTo(Outcome.CLEAR);
        assertThat(check(null, List.of(interest(InterestCategory.FINANCIAL, "RHM", DAY, null))).outcome())
                .isEqualTo(Outcome.CONFLICTED);
    }

    @Test
    void withheldAndUnreviewedInterestsCountButNilReturnsDoNot() {
        Declaration withheld = interest(InterestCategory.FINANCIAL, "RHM", DAY.minusYears(1), null);
        withheld.review.publication = Publication.WITHHELD;
        assertThat(check(null, List.of(withheld)).outcome()).isEqualTo(Outcome.CONFLICTED);

        Declaration nil = new Declaration();
        nil.nilReturn = true;
        assertThat(check(null, List.of(nil)).outcome()).isEqualTo(Outcome.CLEAR);
    }

    @Test
    void noReturnInTheCurrentRoundLeavesAnOtherwiseClearMemberUndeclared() {
        Result result = ConflictRules.check(employer("R1F", null, "QSL"), List.of(), round(), REVIEW);
        assertThat(result.outcome()).isEqualTo(Outcome.UNDECLARED);
        assertThat(result.reasons()).containsExactly(new Reason(ReasonCode.NO_DECLARATION_IN_CURRENT_ROUND,
                "Made no declaration (nor a nil return) in the south-east 2026 round, due 2026-12-31", null, null));
    }
}
