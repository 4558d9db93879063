package org.clinicalsenate.membership;

import static org.clinicalsenate.membership.Declarations.declare;
import static org.clinicalsenate.membership.Declarations.financialInterest;
import static org.clinicalsenate.membership.Declarations.nilReturn;
import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;
import static org.clinicalsenate.testing.Api.invalid;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DeclarationReviewTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Inject
    MembershipFixtures fixtures;
    String senate;
    UUID member;
    String declaration;

    @BeforeEach
    void aDeclarationAwaitingReview() {
        senate = fixtures.senate("review");
        member = fixtures.member(senate, "Reviewed Member", "medicine", "RHM");
        declaration = declare(Tokens.member(member.toString()), member, financialInterest("RHM", TODAY));
    }

    private static Map<String, Object> decision(String action, String publication) {
        Map<String, Object> body = new HashMap<>();
        body.put("managementAction", Map.of("action", action));
        body.put("publication", publication);
        return body;
    }

    @Test
    void anAdminWhoIsAlsoTheMemberDoesNotReviewTheirOwnDeclarationAnotherAdminDoes() {
        String selfAdmin = Tokens.of("admin-who-is-member", List.of("senate-admin"),
                Map.of("senates", List.of(senate), "member_id", member.toString()));
        // they declare on their own record, as any member does
        as(selfAdmin).get("/declarations/" + declaration).then().statusCode(200);
        as(selfAdmin).header("If-Match", "\"0\"").body(decision("none-required", "published"))
                .put("/declarations/" + declaration + "/review").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinical-senate:problem:forbidden"))
                .body("detail", equalTo("You may not review a declaration of yourself: another admin of senate "
                        + senate + " or a platform-admin may"));
        as(Tokens.senateAdmin(senate)).get("/declarations/" + declaration).then()
                .header("ETag", equalTo("\"0\"")).body("review.publication", equalTo("pending"));

        as(Tokens.senateAdmin(senate)).header("If-Match", "\"0\"").body(decision("none-required", "published"))
                .put("/declarations/" + declaration + "/review").then().statusCode(200)
                .body("review.publication", equalTo("published"));
    }

    @Test
    void anAdminPublishesWithAManagementActionAndTheDeclaredContentIsUntouched() {
        Map<String, Object> body = decision("restrict-participation", "published");
        body.put("managementAction", Map.of("action", "restrict-participation", "detail", "Does not vote on items about RHM"));
        body.put("note", "Discussed with the member");

        as(Tokens.senateAdmin(senate)).header("If-Match", "\"0\"").body(body)
                .put("/declarations/" + declaration + "/review").then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("review.publication", equalTo("published"))
                .body("review.managementAction.action", equalTo("restrict-participation"))
                .body("review.managementAction.detail", equalTo("Does not vote on items about RHM"))
                .body("review.note", equalTo("Discussed with the member"))
                .body("review.reviewedBy", equalTo("senate-admin-of-" + senate))
                .body("review.reviewedAt", endsWith("Z"))
                .body("versionNumber", equalTo(1))
                .body("description", equalTo("Paid advisory work for RHM"));

        as(Tokens.member(member.toString())).get("/declarations/" + declaration + "/versions").then().statusCode(200)
                .body("items.versionNumber", contains(1));
        as(Tokens.platformAdmin()).queryParam("entityType", "declaration").queryParam("entityId", declaration)
                .get("/audit-entries").then().statusCode(200)
                .body("items.action", contains("reviewed", "created"))
                .body("items[0].actor", equalTo("senate-admin-of-" + senate))
                .body("items[0].changes.publication", equalTo("published"))
                .body("items[0].changes.managementAction", equalTo("restrict-participation"));
    }

    @Test
    void aWithheldDeclarationRecordsWhyAndTheMemberSeesTheDecisionButNotTheInternalNote() {
        Map<String, Object> body = decision("exclude-from-relevant-items", "withheld");
        body.put("withheldReason", "Publication would identify a family member at risk");
        body.put("note", "Agreed with the chair");
        as(Tokens.senateChair(senate)).header("If-Match", "\"0\"").body(body)
                .put("/declarations/" + declaration + "/review").then().statusCode(200)
                .body("review.publication", equalTo("withheld"))
                .body("review.withheldReason", equalTo("Publication would identify a family member at risk"));

        as(Tokens.member(member.toString())).get("/declarations/" + declaration).then().statusCode(200)
                .body("review.publication", equalTo("withheld"))
                .body("review.withheldReason", equalTo("Publication would identify a family member at risk"))
                .body("review.note", nullValue());
        as(Tokens.member(member.toString())).get("/members/" + member + "/declarations").then().statusCode(200)
                .body("items[0].review.note", nullValue());
        as(Tokens.senateAdmin(senate)).get("/declarations/" + declaration).then().statusCode(200)
                .body("review.note", equalTo("Agreed with the chair"));
    }

    @Test
    void theReviewRulesAreProblemsNamingTheFieldAndChangeNothing() {
        String admin = Tokens.senateAdmin(senate);
        String review = "/declarations/" + declaration + "/review";

        as(admin).header("If-Match", "\"0\"").body(decision("other", "published")).put(review).then().statusCode(422)
                .body("errors[0].field", equalTo("managementAction.detail"));
        as(admin).header("If-Match", "\"0\"").body(decision("none-required", "withheld")).put(review).then()
                .statusCode(422).body("errors[0].field", equalTo("withheldReason"));
        Map<String, Object> publishedWithReason = decision("none-required", "published");
        publishedWithReason.put("withheldReason", "No reason");
        as(admin).header("If-Match", "\"0\"").body(publishedWithReason).put(review).then().statusCode(422)
                .body("detail", equalTo("withheldReason must be left out when the declaration is published"));
        invalid(as(admin)).header("If-Match", "\"0\"").body(decision("none-required", "pending")).put(review).then()
                .statusCode(400).body("errors[0].field", equalTo("publication"));
        invalid(as(admin)).header("If-Match", "\"0\"").body(decision("ignore-it", "published")).put(review).then()
                .statusCode(400).body("errors[0].field", equalTo("managementAction.action"));
        invalid(as(admin)).body(decision("none-required", "published")).put(review).then().statusCode(428);
        as(admin).header("If-Match", "\"7\"").body(decision("none-required", "published")).put(review).then()
                .statusCode(412);

        as(admin).get("/declarations/" + declaration).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("review.publication", equalTo("pending"))
                .body("review.managementAction", nullValue());
    }

    @Test
    void aNilReturnNeedsNoReview() {
        fixtures.round(senate, TODAY.getYear(), TODAY.plusDays(5));
        String nil = declare(Tokens.member(member.toString()), member, nilReturn());
        as(Tokens.senateAdmin(senate)).header("If-Match", "\"0\"").body(decision("none-required", "published"))
                .put("/declarations/" + nil + "/review").then().statusCode(422)
                .body("detail", equalTo("A nil return needs no review"));
    }

    @Test
    void onlyTheAdminsOfTheMembersSenateReview() {
        String review = "/declarations/" + declaration + "/review";
        Map<String, Object> body = decision("none-required", "published");

        anonymous().header("If-Match", "\"0\"").body(body).put(review).then().statusCode(401);
        for (String role : List.of(Tokens.member(member.toString()), Tokens.requester("RHM"), Tokens.assuranceViewer(),
                Tokens.service("review-service"))) {
            as(role).header("If-Match", "\"0\"").body(body).put(review).then().statusCode(403);
        }
        // an admin who is also the member, but of another senate, may read their own declaration, not review it
        String memberAndLondonAdmin = Tokens.of("member-admin", List.of("member", "senate-admin"),
                Map.of("member_id", member.toString(), "senates", List.of("london")));
        as(memberAndLondonAdmin).header("If-Match", "\"0\"").body(body).put(review).then().statusCode(403)
                .body("detail", equalTo("Your token does not give access to senate " + senate));
        as(Tokens.senateAdmin("london")).header("If-Match", "\"0\"").body(body).put(review).then().statusCode(404);

        as(Tokens.platformAdmin()).header("If-Match", "\"0\"").body(body).put(review).then().statusCode(200)
                .body("review.reviewedBy", equalTo("platform-admin-1"));
    }

    @Test
    void anAmendedDeclarationGoesBackToReview() {
        as(Tokens.senateAdmin(senate)).header("If-Match", "\"0\"").body(decision("none-required", "published"))
                .put("/declarations/" + declaration + "/review").then().statusCode(200);
        as(Tokens.member(member.toString())).header("If-Match", "\"1\"").body(financialInterest("RHM", TODAY.minusDays(1)))
                .put("/declarations/" + declaration).then().statusCode(200)
                .body("review.publication", equalTo("pending"))
                .body("review.managementAction", nullValue())
                .body("review.reviewedAt", nullValue());
        as(Tokens.senateAdmin(senate)).header("If-Match", "\"2\"").body(decision("none-required", "published"))
                .put("/declarations/" + declaration + "/review").then().statusCode(200)
                .body("review.publication", equalTo("published"))
                .body("versionNumber", equalTo(2));
    }
}
