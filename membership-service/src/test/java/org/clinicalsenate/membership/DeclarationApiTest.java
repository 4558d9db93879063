package org.clinicalsenate.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.membership.Declarations.declare;
import static org.clinicalsenate.membership.Declarations.etag;
import static org.clinicalsenate.membership.Declarations.financialInterest;
import static org.clinicalsenate.membership.Declarations.nilReturn;
import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;
import static org.clinicalsenate.testing.Api.invalid;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
class DeclarationApiTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Inject
    MembershipFixtures fixtures;

    @Test
    void aMemberDeclaresAnInterestThatCountsForTheOpenRoundAndIsAudited() {
        String senate = fixtures.senate("declare");
        UUID round = fixtures.round(senate, TODAY.getYear(), TODAY.plusDays(30));
        UUID member = fixtures.member(senate, "Amara Okafor", "medicine", "RHM");
        String token = Tokens.member(member.toString());
        Map<String, Object> body = financialInterest("RHM", TODAY.minusDays(60));
        body.put("interestEnd", TODAY.plusYears(1).toString());

        ExtractableResponse<Response> created = as(token).header("Idempotency-Key", "declare-" + member).body(body)
                .post("/members/" + member + "/declarations").then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("memberId", equalTo(member.toString()))
                .body("senate", equalTo(senate))
                .body("roundId", equalTo(round.toString()))
                .body("nilReturn", equalTo(false))
                .body("category", equalTo("financial"))
                .body("description", equalTo("Paid advisory work for RHM"))
                .body("counterparty.odsCode", equalTo("RHM"))
                .body("interestStart", equalTo(TODAY.minusDays(60).toString()))
                .body("interestEnd", equalTo(TODAY.plusYears(1).toString()))
                .body("declaredBy", equalTo("member-" + member))
                .body("onBehalf", equalTo(false))
                .body("late", equalTo(true))
                .body("versionNumber", equalTo(1))
                .body("review.publication", equalTo("pending"))
                .body("declaredAt", endsWith("Z"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/declarations/" + id);
        assertThat(created.<String>path("firstDeclaredAt")).isEqualTo(created.path("declaredAt"));

        Map<String, Object> read = as(token).get(created.header("Location")).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).extract().path("");
        assertThat(read).isEqualTo(created.path(""));

        // a retry with the same key replays the first answer instead of declaring twice
        as(token).header("Idempotency-Key", "declare-" + member).body(body).post("/members/" + member + "/declarations")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        as(token).get("/members/" + member + "/declarations").then().statusCode(200).body("items.id", contains(id));

        as(Tokens.senateAdmin(senate)).queryParam("entityType", "declaration").queryParam("entityId", id)
                .get("/audit-entries").then().statusCode(200)
                .body("items.action", contains("created"))
                .body("items[0].actor", equalTo("member-" + member))
                .body("items[0].senate", equalTo(senate))
                .body("items[0].changes.category", equalTo("financial"))
                .body("items[0].changes.counterpartyOdsCode", equalTo("RHM"));
    }

    @Test
    void anAdminDeclaresOnAMembersBehalfAndThatIsRecorded() {
        String senate = fixtures.senate("behalf");
        UUID member = fixtures.member(senate, "Peter Hughes", "nursing", null);
        Map<String, Object> indirect = new HashMap<>(Map.of("category", "indirect",
                "description", "Spouse is a director of a community diagnostics company", "relationship", "spouse",
                "interestStart", TODAY.minusDays(28).toString()));

        as(Tokens.senateAdmin(senate)).body(indirect).post("/members/" + member + "/declarations").then()
                .statusCode(201)
                .body("declaredBy", equalTo("senate-admin-of-" + senate))
                .body("onBehalf", equalTo(true))
                .body("late", equalTo(false))
                .body("relationship", equalTo("spouse"))
                .body("roundId", nullValue());
        as(Tokens.senateChair(senate)).body(financialInterest("RYR", TODAY)).post("/members/" + member + "/declarations")
                .then().statusCode(201).body("onBehalf", equalTo(true));
        as(Tokens.platformAdmin()).body(financialInterest("RYR", TODAY)).post("/members/" + member + "/declarations")
                .then().statusCode(201).body("declaredBy", equalTo("platform-admin-1")).body("onBehalf", equalTo(true));
    }

    @Test
    void aNilReturnIsMadeOnceForTheOpenRoundWithoutInterestFields() {
        String senate = fixtures.senate("nil");
        UUID member = fixtures.member(senate, "Grace Adeyemi", "pharmacy", null);
        String token = Tokens.member(member.toString());
        String path = "/members/" + member + "/declarations";

        as(token).body(nilReturn()).post(path).then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("No declaration round is open for senate " + senate
                        + "; a nil return is made for a round"));

        UUID round = fixtures.round(senate, TODAY.getYear(), TODAY.plusDays(10));
        Map<String, Object> withInterest = new HashMap<>(financialInterest("RHM", TODAY));
        withInterest.put("nilReturn", true);
        as(token).body(withInterest).post(path).then().statusCode(422).body("errors[0].field", equalTo("nilReturn"));
        as(token).get(path).then().statusCode(200).body("items", empty());

        as(token).body(nilReturn()).post(path).then().statusCode(201)
                .body("nilReturn", equalTo(true))
                .body("roundId", equalTo(round.toString()))
                .body("category", nullValue())
                .body("late", equalTo(false))
                .body("review.publication", equalTo("published"));
        as(token).body(nilReturn()).post(path).then().statusCode(409)
                .body("detail", equalTo("Member " + member + " already made a nil return for the " + TODAY.getYear()
                        + " round of " + senate));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndStoresNothing() {
        String senate = fixtures.senate("bad-input");
        UUID member = fixtures.member(senate, "Tom Price", "dentistry", null);
        String token = Tokens.member(member.toString());
        String path = "/members/" + member + "/declarations";

        Map<String, Object> unknownCategory = new HashMap<>(financialInterest("RHM", TODAY));
        unknownCategory.put("category", "sponsorship");
        invalid(as(token)).body(unknownCategory).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("category"));

        Map<String, Object> badOdsCode = new HashMap<>(financialInterest("RHM", TODAY));
        badOdsCode.put("counterparty", Map.of("odsCode", "not an ods code", "name", "X"));
        invalid(as(token)).body(badOdsCode).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("counterparty.odsCode"));

        for (String required : List.of("category", "description", "interestStart")) {
            Map<String, Object> missing = new HashMap<>(financialInterest("RHM", TODAY));
            missing.remove(required);
            as(token).body(missing).post(path).then().statusCode(422)
                    .body("errors[0].field", equalTo(required))
                    .body("detail", equalTo(required + " is required for a declaration of interest"));
        }

        Map<String, Object> endsBeforeStart = new HashMap<>(financialInterest("RHM", TODAY));
        endsBeforeStart.put("interestEnd", TODAY.minusDays(1).toString());
        as(token).body(endsBeforeStart).post(path).then().statusCode(422)
                .body("errors[0].field", equalTo("interestEnd"));

        Map<String, Object> indirectWithoutRelationship = new HashMap<>(financialInterest("RHM", TODAY));
        indirectWithoutRelationship.put("category", "indirect");
        as(token).body(indirectWithoutRelationship).post(path).then().statusCode(422)
                .body("errors[0].field", equalTo("relationship"));

        invalid(as(token)).body("{\"category\": ").post(path).then().statusCode(400)
                .body("type", equalTo("urn:clinical-senate:problem:malformed-json"));

        as(token).get(path).then().statusCode(200).body("items", empty());
        assertThat(fixtures.count("SELECT count(*) FROM declaration_version v JOIN declaration d ON d.id = v.declaration_id "
                + "WHERE d.member_id = ?", member)).isZero();
    }

    @Test
    void anAmendmentIsANewVersionThatGoesBackToReviewAndKeepsTheHistory() {
        String senate = fixtures.senate("amend");
        UUID member = fixtures.member(senate, "Sarah Lee", "midwifery", null);
        String token = Tokens.member(member.toString());
        String admin = Tokens.senateAdmin(senate);
        ExtractableResponse<Response> first = as(token).body(financialInterest("RHM", TODAY.minusDays(10)))
                .post("/members/" + member + "/declarations").then().statusCode(201).extract();
        String id = first.path("id");
        as(admin).header("If-Match", "\"0\"").body(Map.of("managementAction", Map.of("action", "none-required"),
                "publication", "published")).put("/declarations/" + id + "/review").then().statusCode(200);
        UUID round = fixtures.round(senate, TODAY.getYear(), TODAY.plusDays(20));

        Map<String, Object> amended = financialInterest("RHM", TODAY.minusDays(40));
        amended.put("description", "Paid advisory work for RHM (ended)");
        amended.put("interestEnd", TODAY.toString());
        invalid(as(token)).body(amended).put("/declarations/" + id).then().statusCode(428);
        as(token).header("If-Match", "\"0\"").body(amended).put("/declarations/" + id).then().statusCode(412);

        as(token).header("If-Match", etag(token, id)).body(amended).put("/declarations/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("versionNumber", equalTo(2))
                .body("description", equalTo("Paid advisory work for RHM (ended)"))
                .body("interestEnd", equalTo(TODAY.toString()))
                .body("firstDeclaredAt", equalTo(first.path("firstDeclaredAt")))
                .body("declaredAt", not(equalTo(first.path("declaredAt"))))
                // whether it was late was settled when it was first declared (10 days after it started)
                .body("late", equalTo(false))
                .body("roundId", equalTo(round.toString()))
                .body("review.publication", equalTo("pending"))
                .body("review.reviewedBy", nullValue());

        as(token).get("/declarations/" + id + "/versions").then().statusCode(200)
                .body("items.versionNumber", contains(1, 2))
                .body("items.description", contains("Paid advisory work for RHM", "Paid advisory work for RHM (ended)"))
                .body("items.late", contains(false, false))
                .body("items[0].interestEnd", nullValue());

        as(admin).queryParam("entityType", "declaration").queryParam("entityId", id).get("/audit-entries").then()
                .statusCode(200)
                .body("items.action", contains("amended", "reviewed", "created"))
                .body("items[0].changes.description", equalTo("Paid advisory work for RHM (ended)"))
                .body("items[0].changes.publication", equalTo("pending"))
                .body("items[0].changes", not(org.hamcrest.Matchers.hasKey("category")));
    }

    @Test
    void anAmendmentFollowsTheRulesAndANilReturnCannotBeAmended() {
        String senate = fixtures.senate("amend-rules");
        UUID member = fixtures.member(senate, "Ian Ross", "public-health", null);
        String token = Tokens.member(member.toString());
        String id = declare(token, member, financialInterest("RHM", TODAY));
        Map<String, Object> endsBeforeStart = financialInterest("RHM", TODAY);
        endsBeforeStart.put("interestEnd", TODAY.minusDays(1).toString());
        as(token).header("If-Match", "\"0\"").body(endsBeforeStart).put("/declarations/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("interestEnd"));
        Map<String, Object> noDescription = financialInterest("RHM", TODAY);
        noDescription.remove("description");
        invalid(as(token)).header("If-Match", "\"0\"").body(noDescription).put("/declarations/" + id).then()
                .statusCode(400).body("errors[0].field", equalTo("description"));
        as(token).get("/declarations/" + id).then().body("versionNumber", equalTo(1));

        fixtures.round(senate, TODAY.getYear(), TODAY.plusDays(20));
        String nil = declare(token, member, nilReturn());
        as(token).header("If-Match", "\"0\"").body(financialInterest("RHM", TODAY)).put("/declarations/" + nil).then()
                .statusCode(422).body("detail", equalTo("A nil return cannot be amended; declare the interest instead"));
    }

    @Test
    void someoneElsesDeclarationIsNotFoundAndStaysUnchanged() {
        String senate = fixtures.senate("others");
        UUID owner = fixtures.member(senate, "Owner", "medicine", null);
        UUID other = fixtures.member(senate, "Other", "medicine", null);
        String id = declare(Tokens.member(owner.toString()), owner, financialInterest("RHM", TODAY));
        Map<String, Object> amended = financialInterest("RYR", TODAY);

        for (String outsider : List.of(Tokens.member(other.toString()), Tokens.senateAdmin("london"),
                Tokens.senateChair("london"))) {
            as(outsider).header("If-Match", "\"0\"").body(amended).put("/declarations/" + id).then().statusCode(404)
                    .body("detail", equalTo("No declaration with id " + id));
            as(outsider).get("/declarations/" + id).then().statusCode(404);
            as(outsider).get("/declarations/" + id + "/versions").then().statusCode(404);
            as(outsider).get("/members/" + owner + "/declarations").then().statusCode(404);
            as(outsider).body(financialInterest("RYR", TODAY)).post("/members/" + owner + "/declarations").then()
                    .statusCode(404).body("detail", equalTo("No member with id " + owner));
        }

        as(Tokens.member(owner.toString())).get("/declarations/" + id + "/versions").then().statusCode(200)
                .body("items.counterparty.odsCode", contains("RHM"));
        as(Tokens.member(owner.toString())).get("/members/" + owner + "/declarations").then().statusCode(200)
                .body("items.id", contains(id));
    }

    @Test
    void onlyTheMemberTheirSenatesAdminsAndPlatformAdminsReachDeclarations() {
        String senate = fixtures.senate("access");
        UUID member = fixtures.member(senate, "Access Member", "medicine", null);
        String id = declare(Tokens.member(member.toString()), member, financialInterest("RHM", TODAY));
        String list = "/members/" + member + "/declarations";

        anonymous().get(list).then().statusCode(401).contentType("application/problem+json");
        anonymous().get("/declarations/" + id).then().statusCode(401);
        anonymous().body(financialInterest("RHM", TODAY)).post(list).then().statusCode(401);
        as(Tokens.expired()).get(list).then().statusCode(401);
        for (String forbidden : List.of(Tokens.requester("RHM"), Tokens.assuranceViewer(), Tokens.service("review-service"))) {
            as(forbidden).get(list).then().statusCode(403);
            as(forbidden).get("/declarations/" + id).then().statusCode(403);
            as(forbidden).get("/declarations/" + id + "/versions").then().statusCode(403);
            as(forbidden).body(financialInterest("RHM", TODAY)).post(list).then().statusCode(403);
            as(forbidden).header("If-Match", "\"0\"").body(financialInterest("RHM", TODAY)).put("/declarations/" + id)
                    .then().statusCode(403);
        }
        for (String allowed : List.of(Tokens.member(member.toString()), Tokens.senateAdmin(senate),
                Tokens.senateChair(senate), Tokens.platformAdmin())) {
            as(allowed).get(list).then().statusCode(200).body("items.id", contains(id));
            as(allowed).get("/declarations/" + id).then().statusCode(200);
        }

        UUID unknown = UUID.randomUUID();
        as(Tokens.platformAdmin()).get("/members/" + unknown + "/declarations").then().statusCode(404)
                .body("detail", equalTo("No member with id " + unknown));
        as(Tokens.platformAdmin()).get("/declarations/" + unknown).then().statusCode(404);
        invalid(as(Tokens.platformAdmin())).get("/declarations/not-a-uuid").then().statusCode(400);
    }

    @Test
    void aMembersDeclarationsAreListedMostRecentlyDeclaredFirstInPages() {
        String senate = fixtures.senate("pages");
        UUID member = fixtures.member(senate, "Paged Member", "medicine", null);
        String token = Tokens.member(member.toString());
        List<String> declared = new ArrayList<>();
        for (String ods : List.of("RA1", "RA2", "RA3", "RA4", "RA5")) {
            declared.add(declare(token, member, financialInterest(ods, TODAY)));
        }
        // amending the oldest makes it the most recently declared
        as(token).header("If-Match", "\"0\"").body(financialInterest("RA9", TODAY)).put("/declarations/" + declared.get(0))
                .then().statusCode(200);

        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            var spec = as(token).queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = spec.get("/members/" + member + "/declarations").then().statusCode(200)
                    .extract();
            listed.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            if (cursor != null) {
                assertThat(page.header("Link")).contains("rel=\"next\"");
            }
        } while (cursor != null);

        assertThat(listed).containsExactly(declared.get(0), declared.get(4), declared.get(3), declared.get(2),
                declared.get(1));
        as(token).queryParam("cursor", "bm90LWEtY3Vyc29y").get("/members/" + member + "/declarations").then()
                .statusCode(400).body("type", equalTo("urn:clinical-senate:problem:invalid-cursor"));
    }
}
