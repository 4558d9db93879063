package org.clinicalsenate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.review.AdviceRequests.acceptedTrustRequest;
import static org.clinicalsenate.review.AdviceRequests.body;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.review.AdviceRequests.submit;
import static org.clinicalsenate.testing.Api.as;
import static org.clinicalsenate.testing.Api.invalid;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.clinicalsenate.commons.time.Clocks;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Terms of reference: drafted by the senate as versions, agreed by the sponsor, signed off by the
 * council; every change is a new version that needs agreeing again.
 */
@QuarkusTest
class TermsOfReferenceTest {

    private static final LocalDate TODAY = LocalDate.now(Clocks.ENGLAND);

    @Inject
    TestDatabase db;

    @Test
    void draftedAgreedByTheSponsorRedraftedAgreedAgainAndSignedOffByTheChair() {
        String senate = freshSenate();
        String id = acceptedTrustRequest(senate);
        String terms = "/advice-requests/" + id + "/terms-of-reference";
        as(Tokens.senateAdmin(senate)).get(terms).then().statusCode(404);

        String etag = as(Tokens.senateAdmin(senate)).body(draft("The stroke pathway", true)).put(terms).then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("status", equalTo("draft"))
                .body("draftedBy", equalTo("senate-admin-of-" + senate))
                .body("questions", contains("Is the two-unit model clinically sound?"))
                .body("serviceChangeTests", contains("test-3-clinical-evidence-base", "test-5-bed-closures"))
                .body("timeline.panelDates", contains(TODAY.plusMonths(2).toString()))
                .extract().header("ETag");
        // the sponsor (a requester of QRL, which did not submit the request) reads and agrees it
        as(Tokens.requester("QRL")).get(terms).then().statusCode(200).header("ETag", equalTo(etag));
        String agreed = as(Tokens.requester("QRL")).header("If-Match", etag).post(terms + "/agreement").then()
                .statusCode(200).body("status", equalTo("agreed")).body("agreedBy", equalTo("requester-QRL"))
                .extract().header("ETag");
        assertThat(agreed).isNotEqualTo(etag);

        // a change is a new version, drafted on the latest one read, and needs agreeing again
        invalid(as(Tokens.senateAdmin(senate))).body(draft("The stroke pathway and rehabilitation", true)).put(terms)
                .then().statusCode(428);
        as(Tokens.senateAdmin(senate)).header("If-Match", etag).body(draft("The stroke pathway and rehabilitation", true))
                .put(terms).then().statusCode(412);
        String second = as(Tokens.senateAdmin(senate)).header("If-Match", agreed)
                .body(draft("The stroke pathway and rehabilitation", true)).put(terms).then().statusCode(200)
                .body("version", equalTo(2)).body("status", equalTo("draft")).body("agreedBy", nullValue())
                .extract().header("ETag");
        as(Tokens.senateChair(senate)).header("If-Match", second).body(Map.of()).post(terms + "/sign-off").then().statusCode(409)
                .body("detail", containsString("the sponsor agrees it first"));
        String secondAgreed = as(Tokens.requester("RHM")).header("If-Match", second).post(terms + "/agreement").then()
                .statusCode(200).extract().header("ETag");

        // the chair signs off for the council: the request's terms are agreed
        as(Tokens.senateChair(senate)).header("If-Match", secondAgreed).body(Map.of()).post(terms + "/sign-off").then()
                .statusCode(200)
                .body("status", equalTo("signed-off"))
                .body("signedOffBy", equalTo("chair-of-" + senate))
                .body("councilMeetingDate", nullValue());
        as(Tokens.requester("RHM")).get("/advice-requests/" + id).then().body("status", equalTo("terms-agreed"));

        as(Tokens.requester("QRL")).get(terms + "/versions").then().statusCode(200)
                .body("items.version", contains(1, 2))
                .body("items.status", contains("superseded", "signed-off"))
                .body("items[0].agreedBy", equalTo("requester-QRL"))
                .body("items[0].scope", equalTo("The stroke pathway"));
        assertThat(db.rows("SELECT type FROM outbox_event WHERE aggregate_id = ? AND type LIKE 'review.terms%' "
                + "ORDER BY seq", id).stream().map(row -> row.get("type")).toList()).containsExactly(
                        "review.terms-of-reference.drafted", "review.terms-of-reference.agreed",
                        "review.terms-of-reference.drafted", "review.terms-of-reference.agreed",
                        "review.terms-of-reference.signed-off");
        as(Tokens.platformAdmin()).queryParam("entityType", "terms-of-reference").queryParam("entityId", id)
                .get("/audit-entries").then().statusCode(200)
                .body("items.action", contains("signed-off", "agreed", "drafted", "agreed", "drafted"));

        // once signed off, the terms cannot be drafted again in this part of the workflow
        as(Tokens.senateAdmin(senate)).header("If-Match", "\"1\"").body(draft("Later", true)).put(terms).then()
                .statusCode(409).body("allowed", contains("panel-formed", "withdrawn"));
    }

    @Test
    void whatAVersionMustSay() {
        String senate = freshSenate();
        String id = acceptedTrustRequest(senate);
        String terms = "/advice-requests/" + id + "/terms-of-reference";
        Map<String, Object> noTest3 = draft("Scope", false);
        noTest3.put("serviceChangeTests", List.of("test-1-public-engagement"));
        as(Tokens.senateAdmin(senate)).body(noTest3).put(terms).then().statusCode(422)
                .body("errors[0].field", equalTo("serviceChangeTests"))
                .body("detail", containsString("test-3-clinical-evidence-base"));
        Map<String, Object> bedsWithoutTest5 = draft("Scope", false);
        bedsWithoutTest5.put("bedsClose", true);
        as(Tokens.senateAdmin(senate)).body(bedsWithoutTest5).put(terms).then().statusCode(422)
                .body("detail", containsString("test-5-bed-closures"));
        Map<String, Object> finalBeforeDraft = draft("Scope", false);
        finalBeforeDraft.put("timeline", Map.of("panelDates", List.of(), "draftReportBy", TODAY.plusMonths(3).toString(),
                "finalReportBy", TODAY.plusMonths(2).toString()));
        as(Tokens.senateAdmin(senate)).body(finalBeforeDraft).put(terms).then().statusCode(422)
                .body("errors[0].field", equalTo("timeline.finalReportBy"));
        assertThat(db.count("SELECT count(*) FROM terms_of_reference WHERE advice_request_id = ?::uuid", id)).isZero();

        // terms are drafted for an accepted request only
        String received = submit(Tokens.requester("QRL"), body(senate, "QRL"));
        as(Tokens.senateAdmin(senate)).body(draft("Scope", false)).put("/advice-requests/" + received
                + "/terms-of-reference").then().statusCode(409)
                .body("allowed", contains("accepted", "declined", "redirected", "withdrawn"));
    }

    @Test
    void whoMayDraftAgreeAndSignOff() {
        String senate = freshSenate();
        String id = acceptedTrustRequest(senate);
        String terms = "/advice-requests/" + id + "/terms-of-reference";
        as(Tokens.requester("RHM")).body(draft("Scope", false)).put(terms).then().statusCode(403);
        as(Tokens.senateAdmin("elsewhere")).body(draft("Scope", false)).put(terms).then().statusCode(404);
        String etag = as(Tokens.senateAdmin(senate)).body(draft("Scope", false)).put(terms).then().statusCode(200)
                .extract().header("ETag");

        // only a requester of the requesting or sponsoring organisation agrees; others do not see it
        as(Tokens.requester("QMF")).header("If-Match", etag).post(terms + "/agreement").then().statusCode(404);
        as(Tokens.senateAdmin(senate)).header("If-Match", etag).post(terms + "/agreement").then().statusCode(403);
        as(Tokens.assuranceViewer()).get(terms).then().statusCode(403);
        String viewerAndRequester = Tokens.of("viewer-requester", List.of("assurance-viewer", "requester"),
                Map.of("org", "QMF"));
        as(viewerAndRequester).header("If-Match", etag).post(terms + "/agreement").then().statusCode(404);
        String agreed = as(Tokens.requester("QRL")).header("If-Match", etag).post(terms + "/agreement").then()
                .statusCode(200).extract().header("ETag");
        as(Tokens.requester("QRL")).header("If-Match", agreed).post(terms + "/agreement").then().statusCode(409);

        // an admin records the council's decision with the date of its meeting, not in the future
        as(Tokens.senateAdmin(senate)).header("If-Match", agreed).body(Map.of()).post(terms + "/sign-off").then().statusCode(422)
                .body("errors[0].field", equalTo("councilMeetingDate"));
        as(Tokens.senateAdmin(senate)).header("If-Match", agreed)
                .body(Map.of("councilMeetingDate", TODAY.plusDays(1).toString())).post(terms + "/sign-off").then()
                .statusCode(422).body("detail", containsString("in the future"));
        as(Tokens.requester("QRL")).header("If-Match", agreed).body(Map.of("councilMeetingDate", TODAY.toString()))
                .post(terms + "/sign-off").then().statusCode(403);
        as(Tokens.senateAdmin(senate)).header("If-Match", agreed)
                .body(Map.of("councilMeetingDate", TODAY.minusDays(1).toString())).post(terms + "/sign-off").then()
                .statusCode(200).body("councilMeetingDate", equalTo(TODAY.minusDays(1).toString()))
                .body("signedOffBy", equalTo("senate-admin-of-" + senate));
    }

    private static Map<String, Object> draft(String scope, boolean bedsClose) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("scope", scope);
        draft.put("questions", List.of("Is the two-unit model clinically sound?"));
        draft.put("outOfScope", "Financial modelling");
        draft.put("methods", List.of("desk-review", "panel-meeting"));
        draft.put("serviceChangeTests", bedsClose ? List.of("test-3-clinical-evidence-base", "test-5-bed-closures")
                : List.of("test-3-clinical-evidence-base"));
        draft.put("bedsClose", bedsClose);
        draft.put("timeline", Map.of("panelDates", List.of(TODAY.plusMonths(2).toString()),
                "draftReportBy", TODAY.plusMonths(3).toString(), "finalReportBy", TODAY.plusMonths(4).toString()));
        draft.put("confidentiality", "Panel only until publication");
        return draft;
    }
}
