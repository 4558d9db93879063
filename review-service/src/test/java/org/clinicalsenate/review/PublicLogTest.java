package org.clinicalsenate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.review.AdviceRequests.body;
import static org.clinicalsenate.review.AdviceRequests.freshOrganisation;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.review.AdviceRequests.publishedReview;
import static org.clinicalsenate.review.AdviceRequests.submit;
import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.clinicalsenate.commons.time.Clocks;
import org.clinicalsenate.review.AdviceRequests.FormedPanel;
import org.clinicalsenate.testing.Api;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The public advice and review log, read without a token: accepted reviews that are not
 * confidential, their public stage, published reports with the sponsor's response; searchable,
 * paginated, and the same list as CSV. Never drafts, comments or contact details.
 */
@QuarkusTest
class PublicLogTest {

    @Test
    void theLogListsAcceptedReviewsThatAreNotConfidentialAndNothingUnpublished() {
        String senate = freshSenate();
        String organisation = freshOrganisation();
        String accepted = accept(senate, submit(Tokens.platformAdmin(), body(senate, organisation, "Maternity services")),
                false);
        accept(senate, submit(Tokens.platformAdmin(), body(senate, organisation, "Confidential review")), true);
        submit(Tokens.platformAdmin(), body(senate, organisation, "Not yet triaged"));
        String declined = submit(Tokens.platformAdmin(), body(senate, organisation, "Declined"));
        as(Tokens.senateAdmin(senate)).body(Map.of("decision", "decline", "reason", "Out of scope"))
                .post("/advice-requests/" + declined + "/triage").then().statusCode(200);

        String page = anonymous().queryParam("senate", senate).get("/public/advice-log").then().statusCode(200)
                .body("items.id", contains(accepted))
                .body("items[0].stage", equalTo("scoping"))
                .body("items[0].title", equalTo("Maternity services"))
                .body("items[0].acceptedOn", notNullValue())
                .body("items[0].links.report", nullValue())
                .extract().asString();
        assertThat(page).doesNotContain("priya.shah").doesNotContain("Priya Shah");
        anonymous().get("/public/advice-log/" + accepted).then().statusCode(200)
                .body("question", containsString("hyper-acute stroke units"))
                .body("report", nullValue());
        anonymous().accept("text/html").get("/public/advice-log/" + accepted + "/report").then().statusCode(404);
        anonymous().get("/public/advice-log/" + declined).then().statusCode(404);
        // a confidential review is marked so, and only an accepted one
        String other = submit(Tokens.platformAdmin(), body(senate, organisation, "Redirected"));
        as(Tokens.senateAdmin(senate)).body(Map.of("decision", "decline", "reason", "No", "confidential", true))
                .post("/advice-requests/" + other + "/triage").then().statusCode(422)
                .body("errors[0].field", equalTo("confidential"));
    }

    @Test
    void aPublishedReportIsPublicWithItsRecommendationsAndTheSponsorsResponseButNotItsDrafts() {
        String senate = freshSenate();
        FormedPanel published = publishedReview(senate, "Supported: the hyperacute unit at Winchester is sound");
        String report = "/advice-requests/" + published.id() + "/report";
        as(Tokens.requester("QRL")).body(Map.of("responses", List.of(
                Map.of("recommendation", 1, "response", "accepted", "action", "Night rota plan", "owner", "CNO"),
                Map.of("recommendation", 2, "response", "partly-accepted", "action", "Pathway review", "owner", "CMO"))))
                .post(report + "/sponsor-response").then().statusCode(200);
        anonymous().queryParam("senate", senate).get("/public/advice-log").then().statusCode(200)
                .body("items[0].stage", equalTo("published"))
                .body("items[0].recommendations", equalTo(2))
                .body("items[0].publishedOn", equalTo(LocalDate.now(Clocks.ENGLAND).toString()))
                .body("items[0].links.report", equalTo("/public/advice-log/" + published.id() + "/report"));
        anonymous().get("/public/advice-log/" + published.id()).then().statusCode(200)
                .body("report.version", equalTo(1))
                .body("report.executiveSummary", containsString("Winchester"))
                .body("report.recommendations.number", contains(1, 2))
                .body("report.testAssessments[0].assessment", equalTo("supported"))
                .body("sponsorResponse.response", contains("accepted", "partly-accepted"));
        String page = anonymous().accept("text/html").get("/public/advice-log/" + published.id() + "/report").then()
                .statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertThat(page).contains("Winchester", "Dr Chair", "Honorary contract with Hampshire Hospitals")
                .doesNotContain("priya.shah");
    }

    @Test
    void theLogIsSearchableByFullTextAndFiltersAndPaginatedAndReadAsCsv() {
        String senate = freshSenate();
        String organisation = freshOrganisation();
        FormedPanel published = publishedReview(senate, "Supported: thrombectomy provision is sound");
        Map<String, Object> vascular = body(senate, organisation, "Vascular surgery network");
        vascular.put("areaUnderReview", List.of("QXU"));
        String vascularId = accept(senate, submit(Tokens.platformAdmin(), vascular), false);

        // full text: titles and questions, and published reports (English stemming)
        anonymous().queryParam("senate", senate).queryParam("q", "vascular").get("/public/advice-log").then()
                .statusCode(200).body("items.id", contains(vascularId));
        anonymous().queryParam("senate", senate).queryParam("q", "thrombectomies").get("/public/advice-log").then()
                .statusCode(200).body("items.id", contains(published.id()));
        anonymous().queryParam("senate", senate).queryParam("q", "\"two hyper-acute\" -vascular")
                .get("/public/advice-log").then().statusCode(200).body("items.id", contains(published.id()));
        // filters
        anonymous().queryParam("senate", senate).queryParam("icb", "QXU").get("/public/advice-log").then()
                .body("items.id", contains(vascularId));
        anonymous().queryParam("senate", senate).queryParam("organisation", "QRL").get("/public/advice-log").then()
                .body("items.id", contains(published.id()));
        anonymous().queryParam("senate", senate).queryParam("stage", "published").get("/public/advice-log").then()
                .body("items.id", contains(published.id()));
        anonymous().queryParam("senate", senate).queryParam("kind", "early-advice").get("/public/advice-log").then()
                .body("items", empty());
        int year = LocalDate.now(Clocks.ENGLAND).getYear();
        anonymous().queryParam("senate", senate).queryParam("year", year).get("/public/advice-log").then()
                .body("items", hasSize(2));
        anonymous().queryParam("senate", senate).queryParam("year", year - 1).get("/public/advice-log").then()
                .body("items", empty());

        // newest first, a page at a time; a cursor is for its own filters only
        String cursor = anonymous().queryParam("senate", senate).queryParam("limit", 1).get("/public/advice-log")
                .then().statusCode(200).header("Link", containsString("rel=\"next\""))
                .body("items.id", contains(vascularId)).extract().path("nextCursor");
        anonymous().queryParam("senate", senate).queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/public/advice-log").then().statusCode(200).body("items.id", contains(published.id()))
                .body("nextCursor", nullValue());
        Api.invalid(anonymous()).queryParam("senate", senate).queryParam("stage", "published")
                .queryParam("cursor", cursor).get("/public/advice-log").then().statusCode(400);

        String csv = anonymous().accept("text/csv").queryParam("senate", senate).get("/public/advice-log").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).startsWith("\uFEFFId,Senate,Title,Requesting organisation")
                .contains(vascularId + "," + senate + ",Vascular surgery network," + organisation + ",,QXU,clinical-review,scoping")
                .contains("/public/advice-log/" + published.id() + "/report\r\n");
        Api.invalid(anonymous()).accept("image/png").get("/public/advice-log").then().statusCode(406);
    }

    @Test
    void aWithdrawalShowsAtOnceWithoutItsReason() {
        String senate = freshSenate();
        String organisation = freshOrganisation();
        String id = accept(senate, submit(Tokens.platformAdmin(), body(senate, organisation, "Withdrawn later")), false);
        // the page is kept for everyone, and a change shows at once
        anonymous().queryParam("senate", senate).get("/public/advice-log").then().body("items.stage", contains("scoping"));
        as(Tokens.senateAdmin(senate)).body(Map.of("reason", "The ICB paused the programme"))
                .post("/advice-requests/" + id + "/withdrawal").then().statusCode(200);
        anonymous().queryParam("senate", senate).get("/public/advice-log").then()
                .body("items.stage", contains("withdrawn"))
                .body("items[0]", not(hasKeyWithReason()));
    }

    @Test
    void aKeptPageIsServedAgainAsTheMediaTypeAskedFor() {
        String senate = freshSenate();
        String id = accept(senate, submit(Tokens.platformAdmin(), body(senate, freshOrganisation(), "Kept page")), false);
        // the first round renders and keeps each rendering; the second is served from what was kept
        for (int round = 0; round < 2; round++) {
            anonymous().queryParam("senate", senate).get("/public/advice-log").then().statusCode(200)
                    .contentType(containsString("application/json")).body("items.id", contains(id));
            String csv = anonymous().accept("text/csv").queryParam("senate", senate).get("/public/advice-log").then()
                    .statusCode(200).contentType(containsString("text/csv"))
                    .header("Content-Disposition", containsString("advice-log.csv")).extract().asString();
            assertThat(csv).startsWith("\uFEFFId,").contains(id);
        }
        // a kept page is served to anonymous callers only: a bad token is told so, as everywhere
        as(Tokens.forged()).queryParam("senate", senate).get("/public/advice-log").then().statusCode(401);
        as(Tokens.expired()).queryParam("senate", senate).get("/public/advice-log").then().statusCode(401);
        as(Tokens.assuranceViewer()).queryParam("senate", senate).get("/public/advice-log").then().statusCode(200)
                .body("items.id", contains(id));
    }

    private static org.hamcrest.Matcher<Map<? extends String, ?>> hasKeyWithReason() {
        return org.hamcrest.Matchers.hasKey("withdrawalReason");
    }

    private static String accept(String senate, String id, boolean confidential) {
        Map<String, Object> triage = new HashMap<>(Map.of("decision", "accept", "lead",
                MembershipStub.memberOf(senate).toString()));
        if (confidential) {
            triage.put("confidential", true);
        }
        as(Tokens.senateAdmin(senate)).body(triage).post("/advice-requests/" + id + "/triage").then().statusCode(200)
                .body("triage.confidential", equalTo(confidential));
        return id;
    }
}
