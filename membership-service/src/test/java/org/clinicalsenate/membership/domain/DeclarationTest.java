package org.clinicalsenate.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DeclarationTest {

    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID ROUND = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static Interest interest(InterestCategory category, LocalDate start) {
        Interest interest = new Interest();
        interest.category = category;
        interest.description = "Paid advisory work on stroke pathway redesign";
        interest.start = start;
        return interest;
    }

    private static Declaration declared(LocalDate start) {
        return Declaration.ofInterest(MEMBER, "south-east", ROUND, interest(InterestCategory.FINANCIAL, start),
                "member-1", false, NOW);
    }

    @Test
    void aNewDeclarationIsVersionOneAwaitingReviewAndCountsForTheOpenRound() {
        Declaration d = declared(LocalDate.parse("2026-11-01"));
        assertThat(d.id).isNotNull();
        assertThat(d.versionNo).isEqualTo(1);
        assertThat(d.roundId).isEqualTo(ROUND);
        assertThat(d.declaredAt).isEqualTo(NOW).isEqualTo(d.firstDeclaredAt);
        assertThat(d.review.publication).isEqualTo(Publication.PENDING);
        assertThat(d.nilReturn).isFalse();
        assertThat(d.late).isFalse();
    }

    @Test
    void aDeclarationIsLateMoreThan28DaysAfterTheInterestStarted() {
        assertThat(Declaration.isLate(LocalDate.parse("2026-10-26"), NOW)).as("28 days").isFalse();
        assertThat(Declaration.isLate(LocalDate.parse("2026-10-25"), NOW)).as("29 days").isTrue();
        assertThat(Declaration.isLate(LocalDate.parse("2026-12-25"), NOW)).as("declared in advance").isFalse();
        assertThat(declared(LocalDate.parse("2026-09-01")).late).isTrue();
    }

    @Test
    void anInterestNeedsItsCategoryDescriptionAndStartAndCannotEndBeforeItStarts() {
        Interest noCategory = interest(null, LocalDate.parse("2026-01-01"));
        assertRule(() -> noCategory.check(), "category");
        Interest noDescription = interest(InterestCategory.FINANCIAL, LocalDate.parse("2026-01-01"));
        noDescription.description = " ";
        assertRule(() -> noDescription.check(), "description");
        assertRule(() -> interest(InterestCategory.FINANCIAL, null).check(), "interestStart");
        Interest endsBeforeStart = interest(InterestCategory.FINANCIAL, LocalDate.parse("2026-01-01"));
        endsBeforeStart.end = LocalDate.parse("2025-12-31");
        assertRule(() -> endsBeforeStart.check(), "interestEnd");
        endsBeforeStart.end = LocalDate.parse("2026-01-01");
        endsBeforeStart.check(); // a one-day interest
    }

    @Test
    void anIndirectInterestSaysWhoseItIs() {
        Interest indirect = interest(InterestCategory.INDIRECT, LocalDate.parse("2026-01-01"));
        assertRule(() -> Declaration.ofInterest(MEMBER, "south-east", null, indirect, "m", false, NOW), "relationship");
        indirect.relationship = "spouse";
        assertThat(Declaration.ofInterest(MEMBER, "south-east", null, indirect, "m", false, NOW).roundId).isNull();
    }

    @Test
    void aNilReturnIsMadeForAnOpenRoundWithoutInterestFieldsAndIsPublishedAsMade() {
        Declaration nil = Declaration.nilReturn(MEMBER, "south-east", ROUND, new Interest(), "member-1", false, NOW);
        assertThat(nil.nilReturn).isTrue();
        assertThat(nil.review.publication).isEqualTo(Publication.PUBLISHED);
        assertThat(nil.late).isFalse();

        Interest withCategory = new Interest();
        withCategory.category = InterestCategory.FINANCIAL;
        assertRule(() -> Declaration.nilReturn(MEMBER, "south-east", ROUND, withCategory, "m", false, NOW), "nilReturn");
        assertThatThrownBy(() -> Declaration.nilReturn(MEMBER, "south-east", null, null, "m", false, NOW))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("No declaration round is open for senate south-east");
    }

    @Test
    void anAmendmentIsANewVersionBackInReviewWhoseLatenessWasSettledByTheFirstDeclaration() {
        Declaration d = declared(LocalDate.parse("2026-11-01"));
        assertThat(d.late).as("declared 22 days after it started").isFalse();
        d.recordReview(ManagementActionKind.RESTRICT_PARTICIPATION, "No stroke items", Publication.PUBLISHED, null, null,
                "admin", NOW);
        UUID nextRound = UUID.randomUUID();
        Instant later = NOW.plusSeconds(86_400 * 60);

        d.amend(interest(InterestCategory.FINANCIAL, LocalDate.parse("2026-10-20")), nextRound, "admin", true, later);

        assertThat(d.versionNo).isEqualTo(2);
        assertThat(d.declaredAt).isEqualTo(later);
        assertThat(d.firstDeclaredAt).isEqualTo(NOW);
        assertThat(d.declaredBy).isEqualTo("admin");
        assertThat(d.onBehalf).isTrue();
        assertThat(d.roundId).isEqualTo(nextRound);
        assertThat(d.late).as("an amendment does not change whether it was declared in time").isFalse();
        assertThat(d.review.publication).isEqualTo(Publication.PENDING);
        // the register keeps showing version 1, with its action, until version 2 is reviewed
        assertThat(d.publishedVersionNo).isEqualTo(1);
        assertThat(d.publishedAction).isEqualTo(ManagementActionKind.RESTRICT_PARTICIPATION);
        assertThat(d.publishedActionDetail).isEqualTo("No stroke items");
        assertThat(d.review.reviewedBy).isNull();
        assertThat(d.currentVersion().versionNo).isEqualTo(2);
        assertThat(d.currentVersion().interest.start).isEqualTo(LocalDate.parse("2026-10-20"));
        assertThat(d.currentVersion().interest).isNotSameAs(d.interest);
    }

    @Test
    void reviewingAnAmendmentPublishesItOrTakesTheDeclarationOffTheRegister() {
        Declaration d = declared(LocalDate.parse("2026-11-01"));
        assertThat(d.publishedVersionNo).as("nothing is published before a review").isNull();
        d.recordReview(ManagementActionKind.NONE_REQUIRED, null, Publication.PUBLISHED, null, null, "admin", NOW);
        d.amend(interest(InterestCategory.FINANCIAL, LocalDate.parse("2026-10-20")), ROUND, "m", false, NOW);

        d.recordReview(ManagementActionKind.WITHHOLD_PAPERS, null, Publication.PUBLISHED, null, null, "admin", NOW);
        assertThat(d.publishedVersionNo).isEqualTo(2);
        assertThat(d.publishedAction).isEqualTo(ManagementActionKind.WITHHOLD_PAPERS);

        d.amend(interest(InterestCategory.FINANCIAL, LocalDate.parse("2026-10-21")), ROUND, "m", false, NOW);
        d.recordReview(ManagementActionKind.NONE_REQUIRED, null, Publication.WITHHELD, "Safeguarding", null, "admin",
                NOW);
        assertThat(d.publishedVersionNo).as("withheld: off the register").isNull();
        assertThat(d.publishedAction).isNull();
    }

    @Test
    void anAmendmentFollowsTheInterestRulesAndANilReturnCannotBeAmendedOrReviewed() {
        Declaration d = declared(LocalDate.parse("2026-11-01"));
        Interest endsBeforeStart = interest(InterestCategory.FINANCIAL, LocalDate.parse("2026-11-01"));
        endsBeforeStart.end = LocalDate.parse("2026-10-01");
        assertRule(() -> d.amend(endsBeforeStart, ROUND, "m", false, NOW), "interestEnd");
        assertThat(d.versionNo).isEqualTo(1);

        Declaration nil = Declaration.nilReturn(MEMBER, "south-east", ROUND, null, "m", false, NOW);
        assertThatThrownBy(() -> nil.amend(interest(InterestCategory.FINANCIAL, LocalDate.parse("2026-11-01")), ROUND,
                "m", false, NOW)).isInstanceOf(ProblemException.class).hasMessageContaining("cannot be amended");
        assertThatThrownBy(() -> nil.recordReview(ManagementActionKind.NONE_REQUIRED, null, Publication.PUBLISHED, null,
                null, "admin", NOW)).isInstanceOf(ProblemException.class).hasMessageContaining("needs no review");
    }

    @Test
    void aReviewRecordsTheDecisionAndItsRules() {
        Declaration d = declared(LocalDate.parse("2026-11-01"));
        d.recordReview(ManagementActionKind.RESTRICT_PARTICIPATION, "Does not vote on items about RHM",
                Publication.WITHHELD, "Would identify a family member", "internal", "admin", NOW);
        assertThat(d.review.publication).isEqualTo(Publication.WITHHELD);
        assertThat(d.review.actionDetail).isEqualTo("Does not vote on items about RHM");
        assertThat(d.review.reviewedBy).isEqualTo("admin");
        assertThat(d.review.reviewedAt).isEqualTo(NOW);
        assertThat(d.versionNo).as("the declared content is untouched").isEqualTo(1);

        assertRule(() -> d.recordReview(ManagementActionKind.OTHER, null, Publication.PUBLISHED, null, null, "a", NOW),
                "managementAction.detail");
        assertRule(() -> d.recordReview(ManagementActionKind.NONE_REQUIRED, null, Publication.WITHHELD, " ", null, "a",
                NOW), "withheldReason");
        assertRule(() -> d.recordReview(ManagementActionKind.NONE_REQUIRED, null, Publication.PUBLISHED, "why", null,
                "a", NOW), "withheldReason");
        assertRule(() -> d.recordReview(ManagementActionKind.NONE_REQUIRED, null, Publication.PENDING, null, null, "a",
                NOW), "publication");
        assertThat(d.review.publication).as("a rejected review changes nothing").isEqualTo(Publication.WITHHELD);
    }

    static void assertRule(Executable broken, String field) {
        ProblemException problem = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class, broken);
        assertThat(problem.type()).isEqualTo(ProblemType.RULE_VIOLATED);
        assertThat(problem.errors()).singleElement().satisfies(e -> assertThat(e.getField()).isEqualTo(field));
    }
}
