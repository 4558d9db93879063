package org.clinicalsenate.membership;

import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;
import static org.clinicalsenate.testing.Api.invalid;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A review of Southampton's trust (RHM) in Hampshire and Isle of Wight ICB's area (QRL), on 23 November 2026. */
@QuarkusTest
class ConflictCheckApiTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @Inject
    MembershipFixtures fixtures;

    private static Map<String, Object> review(List<UUID> members) {
        return Map.of("memberIds", members, "organisations", List.of("RHM"), "area", List.of("QRL"), "date", DAY.toString());
    }

    /** A member who made their return in the round, employed by an organisation outside the review. */
    private UUID returned(String senate, UUID round, String name) {
        UUID member = fixtures.member(senate, name, "medicine", "R1F");
        fixtures.employer(member, "R1F", "Isle of Wight NHS Trust", "QSL");
        fixtures.nilReturn(member, senate, round);
        return member;
    }

    @Test
    void eachMemberIsClearConflictedOrUndeclaredWithEveryReasonInTheOrderAsked() {
        String senate = "conflicts-reasons";
        fixtures.endedSenate(senate);
        UUID round = fixtures.round(senate, 2026, LocalDate.of(2026, 12, 31));

        UUID clear = returned(senate, round, "Clara Clear");
        UUID employed = returned(senate, round, "Ed Employed");
        fixtures.employer(employed, "RHM", "University Hospital Southampton NHS Foundation Trust", "QRL");
        UUID inArea = returned(senate, round, "Ali Area");
        fixtures.employer(inArea, "R1C", "Solent NHS Trust", "QRL");
        UUID declared = returned(senate, round, "Dee Declared");
        UUID interest = fixtures.declaration(declared, senate, round, "financial", "RHM", LocalDate.of(2026, 9, 1), null,
                "published");
        UUID withheld = returned(senate, round, "Will Withheld");
        UUID withheldInterest = fixtures.declaration(withheld, senate, round, "financial", "QRL", LocalDate.of(2025, 1, 1),
                null, "withheld");
        UUID undeclared = fixtures.member(senate, "Una Undeclared", "nursing", null);

        List<UUID> asked = List.of(undeclared, employed, clear, withheld, inArea, declared);
        as(Tokens.service("review-service")).body(review(asked)).post("/conflict-checks").then().statusCode(200)
                .body("date", equalTo("2026-11-23"))
                .body("lookbackFrom", equalTo("2025-11-23"))
                .body("results.memberId", contains(asked.stream().map(UUID::toString).toArray()))
                .body("results.name", contains("Una Undeclared", "Ed Employed", "Clara Clear", "Will Withheld", "Ali Area",
                        "Dee Declared"))
                .body("results.outcome", contains("UNDECLARED", "CONFLICTED", "CLEAR", "CONFLICTED", "CONFLICTED", "CONFLICTED"))
                .body("results[0].reasons.code", contains("no-declaration-in-current-round"))
                .body("results[0].reasons[0].message",
                        equalTo("Made no declaration (nor a nil return) in the conflicts-reasons 2026 round, due 2026-12-31"))
                .body("results[1].reasons.code", contains("employed-by-organisation-in-scope", "employer-in-reviewed-area"))
                .body("results[1].reasons[0].organisation", equalTo("RHM"))
                .body("results[1].reasons[0].message", equalTo(
                        "Employed by RHM (University Hospital Southampton NHS Foundation Trust), an organisation in scope"))
                .body("results[2].reasons", empty())
                .body("results[3].reasons.code", contains("declared-interest-in-organisation"))
                .body("results[3].reasons[0].declarationId", equalTo(withheldInterest.toString()))
                .body("results[4].reasons.code", contains("employer-in-reviewed-area"))
                .body("results[4].reasons[0].message",
                        equalTo("Employed by R1C (Solent NHS Trust), inside the area of QRL under review"))
                .body("results[5].reasons[0].code", equalTo("declared-interest-in-organisation"))
                .body("results[5].reasons[0].organisation", equalTo("RHM"))
                .body("results[5].reasons[0].declarationId", equalTo(interest.toString()))
                .body("results[5].reasons[0].message",
                        equalTo("Declared a financial interest in RHM (Organisation RHM), active from 2026-09-01"))
                // the check names people; it never gives their contact details
                .body(not(containsString("@nhs.example")));
    }

    @Test
    void anEndedInterestCountsForTheLookbackWindowOnly() {
        String senate = "conflicts-lookback";
        fixtures.endedSenate(senate);
        UUID round = fixtures.round(senate, 2026, LocalDate.of(2026, 12, 31));
        UUID endedOnWindowStart = returned(senate, round, "Lena Lookback");
        fixtures.declaration(endedOnWindowStart, senate, round, "non-financial-professional", "RHM",
                LocalDate.of(2020, 1, 1), LocalDate.of(2025, 11, 23), "published");
        UUID endedBefore = returned(senate, round, "Olly Older");
        fixtures.declaration(endedBefore, senate, round, "non-financial-professional", "RHM", LocalDate.of(2020, 1, 1),
                LocalDate.of(2025, 11, 22), "published");
        UUID notYetBegun = returned(senate, round, "Fay Future");
        fixtures.declaration(notYetBegun, senate, round, "financial", "RHM", LocalDate.of(2026, 11, 24), null, "pending");
        UUID elsewhere = returned(senate, round, "Gus Elsewhere");
        fixtures.declaration(elsewhere, senate, round, "financial", "RYR", LocalDate.of(2026, 1, 1), null, "published");

        as(Tokens.service("review-service")).body(review(List.of(endedOnWindowStart, endedBefore, notYetBegun, elsewhere)))
                .post("/conflict-checks").then().statusCode(200)
                .body("results.outcome", contains("CONFLICTED", "CLEAR", "CLEAR", "CLEAR"))
                .body("results[0].reasons[0].message", equalTo("Declared a non-financial professional interest in RHM "
                        + "(Organisation RHM), active from 2020-01-01 to 2025-11-23"));
    }

    @Test
    void aPanelFromSeveralSenatesIsCheckedAgainstEachMembersOwnSenatesCurrentRound() {
        String north = "conflicts-panel-north";
        fixtures.endedSenate(north);
        UUID northRound = fixtures.round(north, 2026, LocalDate.of(2026, 12, 31));
        String south = "conflicts-panel-south";
        fixtures.endedSenate(south);
        UUID southLastYear = fixtures.round(south, 2025, LocalDate.of(2025, 12, 31));
        UUID southRound = fixtures.round(south, 2026, LocalDate.of(2026, 12, 31));
        String withoutRounds = "conflicts-panel-none";
        fixtures.endedSenate(withoutRounds);

        UUID returnedNorth = returned(north, northRound, "Nora North");
        UUID returnedSouth = returned(south, southRound, "Sam South");
        UUID returnedLastYearOnly = returned(south, southLastYear, "Stan Stale");
        UUID noRoundYet = fixtures.member(withoutRounds, "Nia Noround", "nursing", null);

        as(Tokens.service("review-service")).body(review(List.of(returnedNorth, returnedSouth, returnedLastYearOnly,
                noRoundYet))).post("/conflict-checks").then().statusCode(200)
                .body("results.outcome", contains("CLEAR", "CLEAR", "UNDECLARED", "CLEAR"))
                .body("results[2].reasons[0].message", equalTo(
                        "Made no declaration (nor a nil return) in the conflicts-panel-south 2026 round, due 2026-12-31"));
    }

    @Test
    void withoutADateTheCheckIsForToday() {
        String senate = "conflicts-today";
        fixtures.endedSenate(senate);
        UUID member = fixtures.member(senate, "Tom Today", "medicine", "R1F");
        LocalDate today = LocalDate.now();

        // a senate before its first round: nobody is undeclared
        as(Tokens.platformAdmin()).body(Map.of("memberIds", List.of(member))).post("/conflict-checks").then()
                .statusCode(200)
                .body("date", equalTo(today.toString()))
                .body("lookbackFrom", equalTo(today.minusMonths(12).toString()))
                .body("results.outcome", contains("CLEAR"));
    }

    @Test
    void senateAdminsAndChairsCheckTheirOwnSenatesMembersOnly() {
        fixtures.endedSenate("conflicts-scope");
        UUID ours = fixtures.member("conflicts-scope", "Olga Ours", "medicine", "RHM");
        UUID theirs = fixtures.member("london", "Theo Theirs", "medicine", "RHM");

        as(Tokens.senateAdmin("conflicts-scope")).body(review(List.of(ours))).post("/conflict-checks").then()
                .statusCode(200).body("results.outcome", contains("CONFLICTED"));
        as(Tokens.senateChair("conflicts-scope")).body(review(List.of(ours))).post("/conflict-checks").then()
                .statusCode(200);
        as(Tokens.senateAdmin("conflicts-scope", "london")).body(review(List.of(ours, theirs))).post("/conflict-checks")
                .then().statusCode(200);
        // another senate's member is answered as an unknown id is: nobody probes who exists where
        UUID unknown = UUID.randomUUID();
        as(Tokens.senateAdmin("conflicts-scope")).body(review(List.of(ours, theirs))).post("/conflict-checks").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("memberIds[1]"))
                .body("errors[0].message", equalTo("is not a known member (" + theirs + ")"));
        as(Tokens.senateAdmin("conflicts-scope")).body(review(List.of(ours, unknown))).post("/conflict-checks").then()
                .statusCode(422)
                .body("errors.field", contains("memberIds[1]"))
                .body("errors[0].message", equalTo("is not a known member (" + unknown + ")"));
        as(Tokens.senateChair("london")).body(review(List.of(ours))).post("/conflict-checks").then().statusCode(422)
                .body("detail", equalTo("memberIds[0] is not a known member (" + ours + ")"));
        // services other than review-service may not check at all
        as(Tokens.service("notification-service")).body(review(List.of(ours))).post("/conflict-checks").then()
                .statusCode(403);
        as(Tokens.service("review-service")).body(review(List.of(ours, theirs))).post("/conflict-checks").then()
                .statusCode(200);
        as(Tokens.platformAdmin()).body(review(List.of(ours, theirs))).post("/conflict-checks").then().statusCode(200);
    }

    @Test
    void onlyReviewServiceAdminsAndChairsMayCheck() {
        UUID member = fixtures.member("london", "Pat Private", "medicine", "RHM");
        Map<String, Object> body = review(List.of(member));

        anonymous().body(body).post("/conflict-checks").then().statusCode(401).contentType("application/problem+json");
        as(Tokens.expired()).body(body).post("/conflict-checks").then().statusCode(401);
        for (String token : List.of(Tokens.requester("QRL"), Tokens.member(member.toString()), Tokens.assuranceViewer())) {
            as(token).body(body).post("/conflict-checks").then().statusCode(403)
                    .body("type", equalTo("urn:clinical-senate:problem:forbidden"));
        }
    }

    @Test
    void unknownMembersAreNamedByTheirPlaceInTheRequest() {
        UUID known = fixtures.member("london", "Kim Known", "medicine", null);
        UUID unknown1 = UUID.randomUUID();
        UUID unknown2 = UUID.randomUUID();

        as(Tokens.service("review-service")).body(review(List.of(known, unknown1, unknown2))).post("/conflict-checks")
                .then().statusCode(422)
                .body("type", equalTo("urn:clinical-senate:problem:rule-violated"))
                .body("errors.field", contains("memberIds[1]", "memberIds[2]"))
                .body("errors[0].message", equalTo("is not a known member (" + unknown1 + ")"));
        as(Tokens.service("review-service")).body(review(List.of(unknown1))).post("/conflict-checks").then()
                .statusCode(422).body("detail", equalTo("memberIds[0] is not a known member (" + unknown1 + ")"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String service = Tokens.service("review-service");
        UUID member = fixtures.member("london", "Val Valid", "medicine", null);

        invalid(as(service)).body(Map.of("memberIds", List.of(member), "organisations", List.of("rhm")))
                .post("/conflict-checks").then().statusCode(400)
                .body("type", equalTo("urn:clinical-senate:problem:validation"))
                .body("errors.field", contains("organisations[]"));
        invalid(as(service)).body(Map.of("memberIds", List.of(member), "area", List.of("Q")))
                .post("/conflict-checks").then().statusCode(400).body("errors.field", contains("area[]"));
        List<UUID> tooMany = IntStream.range(0, 51).mapToObj(i -> UUID.randomUUID()).toList();
        invalid(as(service)).body(Map.of("memberIds", tooMany)).post("/conflict-checks").then().statusCode(400)
                .body("errors.field", contains("memberIds"));
        invalid(as(service)).body(Map.of("memberIds", List.of())).post("/conflict-checks").then().statusCode(400)
                .body("errors.field", contains("memberIds"));
        invalid(as(service)).body(Map.of("organisations", List.of("RHM"))).post("/conflict-checks").then()
                .statusCode(400).body("errors.field", containsInAnyOrder("memberIds"));
        invalid(as(service)).body(Map.of("memberIds", List.of("not-a-uuid"))).post("/conflict-checks").then()
                .statusCode(400).body("errors[0].field", equalTo("memberIds[0]"));
        invalid(as(service)).body(Map.of("memberIds", List.of(member), "date", "23/11/2026")).post("/conflict-checks")
                .then().statusCode(400).body("errors[0].field", equalTo("date"));
    }
}
