package org.clinicalsenate.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.membership.Declarations.declare;
import static org.clinicalsenate.membership.Declarations.financialInterest;
import static org.clinicalsenate.membership.Declarations.nilReturn;
import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;
import static org.clinicalsenate.testing.Api.invalid;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class DeclarationRoundApiTest {

    private static final LocalDate TODAY = LocalDate.now();
    private static final int YEAR = TODAY.getYear();

    @Inject
    MembershipFixtures fixtures;

    private UUID appointed(String senate, String name, String body) {
        UUID member = fixtures.member(senate, name, "medicine", null);
        fixtures.appointment(member, senate, body, "member", TODAY.minusYears(1), TODAY.plusYears(1));
        return member;
    }

    private static Map<String, Object> round(int year, LocalDate dueDate) {
        return Map.of("year", year, "dueDate", dueDate.toString());
    }

    @Test
    void anAdminOpensTheYearsRoundAndItShowsEachAppointedMembersReturn() {
        String senate = fixtures.senate("round");
        UUID declares = appointed(senate, "Alice Declares", "council");
        UUID nil = appointed(senate, "Bob Nil", "assembly");
        UUID outstanding = appointed(senate, "Carol Outstanding", "expert-pool");
        UUID left = fixtures.member(senate, "Dan Left", "nursing", null);
        fixtures.appointment(left, senate, "council", "member", TODAY.minusYears(3), TODAY.minusDays(1));
        UUID starting = fixtures.member(senate, "Eve Starting", "nursing", null);
        fixtures.appointment(starting, senate, "council", "member", TODAY.plusDays(60), TODAY.plusYears(3));
        LocalDate due = TODAY.plusDays(30);

        ExtractableResponse<Response> opened = as(Tokens.senateAdmin(senate)).header("Idempotency-Key", "open-" + senate)
                .body(round(YEAR, due)).post("/senates/" + senate + "/declaration-rounds").then().statusCode(201)
                .body("senate", equalTo(senate))
                .body("year", equalTo(YEAR))
                .body("dueDate", equalTo(due.toString()))
                .body("openedBy", equalTo("senate-admin-of-" + senate))
                .body("openedAt", endsWith("Z"))
                .body("current", equalTo(true))
                .body("summary.members", equalTo(3))
                .body("summary.outstanding", equalTo(3))
                .extract();
        String id = opened.path("id");
        assertThat(opened.header("Location")).endsWith("/declaration-rounds/" + id);
        as(Tokens.senateAdmin(senate)).header("Idempotency-Key", "open-" + senate).body(round(YEAR, due))
                .post("/senates/" + senate + "/declaration-rounds").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));

        declare(Tokens.member(declares.toString()), declares, financialInterest("RHM", TODAY));
        declare(Tokens.member(nil.toString()), nil, nilReturn());

        as(Tokens.senateAdmin(senate)).get(opened.header("Location")).then().statusCode(200)
                .body("summary.members", equalTo(3))
                .body("summary.declared", equalTo(1))
                .body("summary.nilReturns", equalTo(1))
                .body("summary.outstanding", equalTo(1));
        as(Tokens.senateAdmin(senate)).get("/declaration-rounds/" + id + "/members").then().statusCode(200)
                .body("items.name", contains("Alice Declares", "Bob Nil", "Carol Outstanding"))
                .body("items.status", contains("declared", "nil-return", "outstanding"))
                .body("items.memberId", contains(declares.toString(), nil.toString(), outstanding.toString()))
                .body("items[0].lastDeclaredAt", notNullValue())
                .body("items[2].lastDeclaredAt", nullValue())
                .body("items", everyItem(not(hasKey("email"))));
        as(Tokens.assuranceViewer()).queryParam("status", "outstanding").get("/declaration-rounds/" + id + "/members")
                .then().statusCode(200).body("items.name", contains("Carol Outstanding"));

        as(Tokens.senateAdmin(senate)).queryParam("entityType", "declaration-round").queryParam("entityId", id)
                .get("/audit-entries").then().statusCode(200)
                .body("items.action", contains("opened"))
                .body("items[0].senate", equalTo(senate))
                .body("items[0].changes.year", equalTo(YEAR));
    }

    @Test
    void oneRoundPerSenateAndYearDueInThatYearOrTheNext() {
        String senate = fixtures.senate("round-rules");
        String admin = Tokens.senateChair(senate);
        String rounds = "/senates/" + senate + "/declaration-rounds";

        as(admin).body(round(2025, LocalDate.parse("2024-12-31"))).post(rounds).then().statusCode(422)
                .body("errors[0].field", equalTo("dueDate")).body("detail", equalTo("dueDate must fall in 2025 or 2026"));
        as(admin).body(round(2025, LocalDate.parse("2027-01-01"))).post(rounds).then().statusCode(422);
        as(admin).body(round(2025, LocalDate.parse("2026-03-31"))).post(rounds).then().statusCode(201);
        as(admin).body(round(2025, LocalDate.parse("2025-12-31"))).post(rounds).then().statusCode(409)
                .body("detail", equalTo("The 2025 declaration round of " + senate + " is already open"));
        invalid(as(admin)).body(round(1999, LocalDate.parse("1999-12-31"))).post(rounds).then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        invalid(as(admin)).body(Map.of("year", 2026)).post(rounds).then().statusCode(400)
                .body("errors[0].field", equalTo("dueDate"));
        as(Tokens.platformAdmin()).body(round(2026, LocalDate.parse("2026-12-31"))).post("/senates/atlantis/declaration-rounds")
                .then().statusCode(404).body("detail", equalTo("No senate with slug 'atlantis'"));
        as(Tokens.platformAdmin()).get("/senates/atlantis/declaration-rounds").then().statusCode(404);
        as(Tokens.platformAdmin()).get("/declaration-rounds/" + UUID.randomUUID()).then().statusCode(404);

        as(admin).get(rounds).then().statusCode(200).body("items.year", contains(2025));
    }

    @Test
    void roundsAreListedLatestYearFirstWithTheLatestCurrentAndCountsOfTheirOwnMembers() {
        String senate = fixtures.senate("rounds-list");
        String admin = Tokens.senateAdmin(senate);
        String rounds = "/senates/" + senate + "/declaration-rounds";
        // served only two years ago; serves now
        UUID former = fixtures.member(senate, "Former Member", "nursing", null);
        fixtures.appointment(former, senate, "council", "member", LocalDate.of(YEAR - 2, 1, 1), LocalDate.of(YEAR - 2, 12, 31));
        UUID current = appointed(senate, "Current Member", "council");

        for (int year : List.of(YEAR - 2, YEAR, YEAR - 1)) {
            as(admin).body(round(year, LocalDate.of(year, 12, 31))).post(rounds).then().statusCode(201);
        }
        declare(Tokens.member(current.toString()), current, nilReturn());

        List<Integer> years = new ArrayList<>();
        List<Boolean> currents = new ArrayList<>();
        List<Map<String, Object>> summaries = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var spec = as(admin).queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = spec.get(rounds).then().statusCode(200).extract();
            years.addAll(page.path("items.year"));
            currents.addAll(page.path("items.current"));
            summaries.addAll(page.path("items.summary"));
            ids.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            if (cursor != null) {
                assertThat(page.header("Link")).contains("rel=\"next\"");
            }
        } while (cursor != null);

        assertThat(years).containsExactly(YEAR, YEAR - 1, YEAR - 2);
        assertThat(currents).containsExactly(true, false, false);
        assertThat(summaries.get(0)).containsEntry("members", 1).containsEntry("nilReturns", 1);
        assertThat(summaries.get(1)).as("the current member, appointed a year ago").containsEntry("members", 1)
                .containsEntry("outstanding", 1);
        assertThat(summaries.get(2)).as("two years ago only the former member served").containsEntry("members", 1)
                .containsEntry("outstanding", 1);
        for (int i = 0; i < ids.size(); i++) {
            // a round read alone and its member list agree with the page
            assertThat(as(admin).get("/declaration-rounds/" + ids.get(i)).then().statusCode(200).extract()
                    .<Map<String, Object>>path("summary")).isEqualTo(summaries.get(i));
            assertThat(as(admin).get("/declaration-rounds/" + ids.get(i) + "/members").then().statusCode(200).extract()
                    .<List<Object>>path("items")).hasSize((Integer) summaries.get(i).get("members"));
        }
        as(admin).get("/declaration-rounds/" + ids.get(2) + "/members").then().body("items.name", contains("Former Member"));
        as(admin).queryParam("cursor", "eWVhcg").get(rounds).then().statusCode(400)
                .body("type", equalTo("urn:clinical-senate:problem:invalid-cursor"));
    }

    @Test
    void theMembersOfARoundPageInNameOrder() {
        String senate = fixtures.senate("round-members");
        for (String name : List.of("delta", "Alpha", "charlie", "Bravo", "echo")) {
            appointed(senate, name, "assembly");
        }
        String id = as(Tokens.platformAdmin()).body(round(YEAR, TODAY.plusDays(3)))
                .post("/senates/" + senate + "/declaration-rounds").then().statusCode(201).extract().path("id");

        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            var spec = as(Tokens.senateAdmin(senate)).queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = spec.get("/declaration-rounds/" + id + "/members").then().statusCode(200)
                    .extract();
            names.addAll(page.path("items.name"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(names).containsExactly("Alpha", "Bravo", "charlie", "delta", "echo");

        as(Tokens.senateAdmin(senate)).queryParam("status", "declared").get("/declaration-rounds/" + id + "/members")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty()).body("nextCursor", nullValue());
        // an open list in the contract: the server refuses a status it does not know, listing those it does
        as(Tokens.senateAdmin(senate)).queryParam("status", "late").get("/declaration-rounds/" + id + "/members")
                .then().statusCode(400)
                .body("type", equalTo("urn:clinical-senate:problem:validation"))
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("must be one of [declared, nil-return, outstanding]"));
    }

    @Test
    void roundsAreOpenedByTheSenatesAdminsAndReadByThemAndAssuranceViewers() {
        String senate = fixtures.senate("round-access");
        String rounds = "/senates/" + senate + "/declaration-rounds";
        String id = as(Tokens.senateAdmin(senate)).body(round(YEAR, TODAY.plusDays(3))).post(rounds).then()
                .statusCode(201).extract().path("id");
        List<String> reads = List.of(rounds, "/declaration-rounds/" + id, "/declaration-rounds/" + id + "/members");

        anonymous().body(round(YEAR - 1, TODAY)).post(rounds).then().statusCode(401);
        reads.forEach(path -> anonymous().get(path).then().statusCode(401));
        for (String outsider : List.of(Tokens.senateAdmin("london"), Tokens.senateChair("london"))) {
            as(outsider).body(round(YEAR - 1, LocalDate.of(YEAR - 1, 12, 31))).post(rounds).then().statusCode(403)
                    .body("detail", equalTo("Your token does not give access to senate " + senate));
            reads.forEach(path -> as(outsider).get(path).then().statusCode(403));
        }
        UUID member = appointed(senate, "Round Member", "council");
        for (String role : List.of(Tokens.member(member.toString()), Tokens.requester("QRL"), Tokens.service("review-service"))) {
            as(role).body(round(YEAR - 1, LocalDate.of(YEAR - 1, 12, 31))).post(rounds).then().statusCode(403);
            reads.forEach(path -> as(role).get(path).then().statusCode(403));
        }
        as(Tokens.assuranceViewer()).body(round(YEAR - 1, LocalDate.of(YEAR - 1, 12, 31))).post(rounds).then()
                .statusCode(403);
        for (String reader : List.of(Tokens.assuranceViewer(), Tokens.senateChair(senate), Tokens.platformAdmin())) {
            reads.forEach(path -> as(reader).get(path).then().statusCode(200));
        }
        as(Tokens.senateAdmin(senate)).get(rounds).then().body("items.year", contains(YEAR));
    }
}
