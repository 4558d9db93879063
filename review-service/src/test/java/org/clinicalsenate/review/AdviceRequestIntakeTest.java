package org.clinicalsenate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.review.AdviceRequests.body;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.review.AdviceRequests.submit;
import static org.clinicalsenate.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.clinicalsenate.commons.time.Clocks;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What a request carries at intake, the rules on it, and who sees the requester's contact. The
 * senate is checked with membership-service (an HTTP stub of its contract, {@link MembershipStub}).
 */
@QuarkusTest
class AdviceRequestIntakeTest {

    private static final LocalDate TODAY = LocalDate.now(Clocks.ENGLAND);

    @Inject
    TestDatabase db;

    @Test
    void aRequestCarriesWhatItCoversAndWhenItIsNeededAndReadsBackTheSame() {
        String senate = freshSenate();
        Map<String, Object> request = body(senate, "RHM");
        request.put("requestingOrganisationType", "provider-trust");
        request.put("sponsor", "QRL");
        request.put("background", "Two hyper-acute units instead of five stroke units.");
        request.put("areaUnderReview", List.of("QRL", "QSL"));
        request.put("organisationsInScope", List.of("RHM", "RN5", "R1F"));
        request.put("assuranceStage", "stage-2-checkpoint");
        request.put("outcomeDomains", List.of("preventing-premature-death", "recovery"));
        request.put("topic", "Stroke");
        String id = submit(Tokens.requester("RHM"), request);

        Map<String, Object> read = as(Tokens.requester("RHM")).get("/advice-requests/" + id).then().statusCode(200)
                .body("requestingOrganisationType", equalTo("provider-trust"))
                .body("sponsor", equalTo("QRL"))
                .body("background", equalTo("Two hyper-acute units instead of five stroke units."))
                .body("areaUnderReview", contains("QRL", "QSL"))
                .body("organisationsInScope", contains("RHM", "RN5", "R1F"))
                .body("proposalStage", equalTo("pre-consultation-business-case"))
                .body("assuranceStage", equalTo("stage-2-checkpoint"))
                .body("neededBy", equalTo(request.get("neededBy")))
                .body("shortNotice", equalTo(false))
                .body("outcomeDomains", containsInAnyOrder("preventing-premature-death", "recovery"))
                .body("topic", equalTo("Stroke"))
                .body("requesterContact.name", equalTo("Priya Shah"))
                .body("requesterContact.email", equalTo("priya.shah@example.nhs.uk"))
                .extract().path("");
        // the list shows the request without its background and contact
        as(Tokens.senateAdmin(senate)).queryParam("senate", senate).get("/advice-requests").then().statusCode(200)
                .body("items[0].id", equalTo(id))
                .body("items[0].organisationsInScope", contains("RHM", "RN5", "R1F"))
                .body("items[0]", not(hasKey("requesterContact")))
                .body("items[0]", not(hasKey("background")));
        assertThat(read).containsKey("submittedAt");
    }

    @Test
    void theContactIsSeenByTheRequesterAndTheSenateButNotByTheAssuranceViewerNorInTheEventOrAudit() throws Exception {
        String senate = freshSenate();
        String id = submit(Tokens.requester("QRL"), body(senate, "QRL"));
        as(Tokens.senateChair(senate)).get("/advice-requests/" + id).then().statusCode(200)
                .body("requesterContact.email", equalTo("priya.shah@example.nhs.uk"));
        as(Tokens.platformAdmin()).get("/advice-requests/" + id).then().statusCode(200)
                .body("requesterContact.name", equalTo("Priya Shah"));
        as(Tokens.requester("RYY")).get("/advice-requests/" + id).then().statusCode(404);
        assertThat(db.rows("SELECT data::text AS data FROM outbox_event WHERE aggregate_id = ?", id).toString())
                .doesNotContain("priya").doesNotContain("Priya");
        assertThat(db.rows("SELECT changes::text AS changes FROM audit_log WHERE entity_id = ?", id).toString())
                .doesNotContain("priya").doesNotContain("Priya");
    }

    @Test
    void aRequesterThatIsNotACommissionerNamesASponsor() {
        String senate = freshSenate();
        for (String type : List.of("provider-trust", "local-authority", "other")) {
            Map<String, Object> request = body(senate, "RHM");
            request.put("requestingOrganisationType", type);
            as(Tokens.requester("RHM")).body(request).post("/advice-requests").then().statusCode(422)
                    .body("errors[0].field", equalTo("sponsor"))
                    .body("detail", containsString("not a commissioner"));
        }
        Map<String, Object> nhsEngland = body(senate, "Y56");
        nhsEngland.put("requestingOrganisationType", "nhs-england");
        submit(Tokens.requester("Y56"), nhsEngland);
        assertThat(db.count("SELECT count(*) FROM advice_request WHERE senate = ?", senate)).isEqualTo(1);
    }

    @Test
    void aClinicalReviewNeededInLessThanThreeMonthsIsAcceptedAndFlaggedShortNotice() {
        String senate = freshSenate();
        Map<String, Object> soon = body(senate, "QRL");
        soon.put("neededBy", TODAY.plusMonths(2).toString());
        String id = submit(Tokens.requester("QRL"), soon);
        as(Tokens.senateAdmin(senate)).get("/advice-requests/" + id).then().body("shortNotice", equalTo(true));

        Map<String, Object> early = body(senate, "QRL");
        early.put("kind", "early-advice");
        early.put("neededBy", TODAY.plusMonths(2).toString());
        String earlyId = submit(Tokens.requester("QRL"), early);
        as(Tokens.senateAdmin(senate)).get("/advice-requests/" + earlyId).then().body("shortNotice", equalTo(false));

        // an edit that gives more time clears the flag
        Map<String, Object> later = AdviceRequests.edit("clinical-review", "Stroke", "Is it sound?");
        later.put("neededBy", TODAY.plusMonths(4).toString());
        as(Tokens.requester("QRL")).header("If-Match", "\"0\"").body(later).put("/advice-requests/" + id)
                .then().statusCode(200).body("shortNotice", equalTo(false));

        Map<String, Object> past = body(senate, "QRL");
        past.put("neededBy", TODAY.minusDays(1).toString());
        as(Tokens.requester("QRL")).body(past).post("/advice-requests").then().statusCode(422)
                .body("errors[0].field", equalTo("neededBy"));
    }

    @Test
    void theSenateMustExistAndBeActive() {
        as(Tokens.platformAdmin()).body(body(MembershipStub.UNKNOWN, "QRL")).post("/advice-requests").then()
                .statusCode(422).body("errors[0].field", equalTo("senate"))
                .body("detail", containsString("is not a senate"));
        as(Tokens.platformAdmin()).body(body(MembershipStub.CLOSED, "QRL")).post("/advice-requests").then()
                .statusCode(422).body("errors[0].field", equalTo("senate"))
                .body("detail", containsString("is not an active senate"));
        assertThat(db.count("SELECT count(*) FROM advice_request WHERE senate IN (?, ?)", MembershipStub.UNKNOWN,
                MembershipStub.CLOSED)).isZero();
    }

    @Test
    void whileMembershipServiceIsDownASubmissionIsA503WithRetryAfterAndNothingIsStored() {
        long requests = db.count("SELECT count(*) FROM advice_request");
        long events = db.count("SELECT count(*) FROM outbox_event");
        as(Tokens.platformAdmin()).header("Idempotency-Key", "membership-down-1")
                .body(body(MembershipStub.DOWN, "QRL")).post("/advice-requests").then()
                .statusCode(503)
                .header("Retry-After", equalTo("1"))
                .body("type", equalTo("urn:clinical-senate:problem:service-unavailable"))
                .body("detail", containsString("membership-service cannot answer"));
        assertThat(db.count("SELECT count(*) FROM advice_request")).isEqualTo(requests);
        assertThat(db.count("SELECT count(*) FROM outbox_event")).isEqualTo(events);
        // the key was not used up: the same request can be sent again once membership answers
        assertThat(db.count("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?", "membership-down-1")).isZero();
    }

    @Test
    void aRequesterMayNotSubmitForAnotherOrganisationWhateverTheSenate() {
        as(Tokens.requester("QRL")).body(body(MembershipStub.DOWN, "RHM")).post("/advice-requests").then()
                .statusCode(403);
        as(Tokens.assuranceViewer()).body(body(freshSenate(), "QRL")).post("/advice-requests").then()
                .statusCode(403);
    }
}
