package org.clinicalsenate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.review.AdviceRequests.body;
import static org.clinicalsenate.review.AdviceRequests.edit;
import static org.clinicalsenate.review.AdviceRequests.freshOrganisation;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.review.AdviceRequests.submit;
import static org.clinicalsenate.testing.Api.as;
import static org.clinicalsenate.testing.Api.invalid;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Before and at triage: the submitter edits a received request (If-Match), the senate accepts,
 * declines or redirects it, and a request is withdrawn before its report is issued. Each change
 * is audited and each change of status publishes its event; what is not allowed now is a 409
 * listing the allowed next steps.
 */
@QuarkusTest
class AdviceRequestTriageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A member id membership-service does not know. */
    private static final String LEAD = "0b6f2c1e-6a0d-4c55-9d7e-3f1a2b3c4d5e";

    @Inject
    TestDatabase db;

    @Test
    void theRequesterEditsItsRequestUntilItIsTriagedWithTheETagItLastRead() {
        String senate = freshSenate();
        String id = submit(Tokens.requester("QRL"), body(senate, "QRL"));
        Map<String, Object> edit = edit("early-advice", "Stroke services in Hampshire and the IoW", "Is the model sound?");

        invalid(as(Tokens.requester("QRL"))).body(edit).put("/advice-requests/" + id).then().statusCode(428);
        as(Tokens.requester("QRL")).header("If-Match", "\"7\"").body(edit).put("/advice-requests/" + id)
                .then().statusCode(412);
        as(Tokens.requester("QRL")).header("If-Match", "\"0\"").body(edit).put("/advice-requests/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("kind", equalTo("early-advice"))
                .body("title", equalTo("Stroke services in Hampshire and the IoW"))
                .body("question", equalTo("Is the model sound?"))
                .body("status", equalTo("received"));
        as(Tokens.requester("QRL")).get("/advice-requests/" + id).then().statusCode(200)
                .body("kind", equalTo("early-advice")).header("ETag", equalTo("\"1\""));

        accept(senate, id, null).then().statusCode(200);
        as(Tokens.requester("QRL")).header("If-Match", "\"2\"").body(edit).put("/advice-requests/" + id)
                .then().statusCode(409)
                .body("detail", containsString("only possible until it is triaged"))
                .body("allowed", contains("terms-agreed", "withdrawn"));
        as(Tokens.platformAdmin()).queryParam("entityType", "advice-request").queryParam("entityId", id)
                .get("/audit-entries").then().statusCode(200)
                .body("items.action", contains("triaged", "updated", "created"));
    }

    @Test
    void onlyTheSubmittersOrganisationAndTheSenatesAdminsMayEditAndNobodyElseLearnsItExists() {
        String senate = freshSenate();
        String id = submit(Tokens.requester("QRL"), body(senate, "QRL"));
        Map<String, Object> edit = edit("clinical-review", "Changed", "Changed?");
        // another organisation and another senate's admin do not see it
        as(Tokens.requester("RHM")).header("If-Match", "\"0\"").body(edit).put("/advice-requests/" + id)
                .then().statusCode(404);
        as(Tokens.senateAdmin("elsewhere")).header("If-Match", "\"0\"").body(edit).put("/advice-requests/" + id)
                .then().statusCode(404);
        // the assurance viewer follows progress and changes nothing
        as(Tokens.assuranceViewer()).header("If-Match", "\"0\"").body(edit).put("/advice-requests/" + id)
                .then().statusCode(403);
        // a requester of another organisation who also follows every review may not change this one
        String viewerAndRequester = Tokens.of("viewer-and-requester", List.of("assurance-viewer", "requester"),
                Map.of("org", "RHM"));
        as(viewerAndRequester).header("If-Match", "\"0\"").body(edit).put("/advice-requests/" + id)
                .then().statusCode(404);
        as(Tokens.senateAdmin(senate)).header("If-Match", "\"0\"").body(edit).put("/advice-requests/" + id)
                .then().statusCode(200).body("title", equalTo("Changed"));
    }

    @Test
    void aProactiveReviewIsStartedByTheSenateNotRequestedByAnOrganisation() {
        String senate = freshSenate();
        Map<String, Object> proactive = body(senate, "QRL");
        proactive.put("kind", "proactive-review");
        as(Tokens.requester("QRL")).body(proactive).post("/advice-requests").then().statusCode(422)
                .body("errors[0].field", equalTo("kind"));
        submit(Tokens.senateChair(senate), proactive);

        String id = submit(Tokens.requester("QRL"), body(senate, "QRL"));
        as(Tokens.requester("QRL")).header("If-Match", "\"0\"")
                .body(edit("proactive-review", "T", "Q?"))
                .put("/advice-requests/" + id).then().statusCode(422).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void acceptingRecordsTheLeadAndKindAndPublishesTheTriagedEvent() throws Exception {
        String senate = freshSenate();
        String id = submit(Tokens.requester("QRL"), body(senate, "QRL"));
        String lead = MembershipStub.memberOf(senate).toString();

        as(Tokens.senateChair(senate)).header("If-Match", "\"0\"")
                .body(Map.of("decision", "accept", "kind", "early-advice", "lead", lead))
                .post("/advice-requests/" + id + "/triage").then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("accepted"))
                .body("kind", equalTo("early-advice"))
                .body("triage.decision", equalTo("accept"))
                .body("triage.lead", equalTo(lead))
                .body("triage.decidedBy", equalTo("chair-of-" + senate))
                .body("triage.decidedAt", endsWith("Z"))
                .body("triage.reason", nullValue())
                .body("withdrawal", nullValue());
        // the requester reads the decision
        as(Tokens.requester("QRL")).get("/advice-requests/" + id).then().statusCode(200)
                .body("status", equalTo("accepted")).body("triage.lead", equalTo(lead));

        Map<String, Object> event = onlyEvent(id, "review.advice-request.triaged");
        assertThat(event).isEqualTo(Map.of("id", id, "senate", senate, "requestingOrganisation", "QRL",
                "kind", "early-advice", "status", "accepted", "decision", "accept",
                "links", Map.of("self", "/advice-requests/" + id)));

        // a second decision is not allowed: the 409 lists what can happen next
        accept(senate, id, null).then().statusCode(409)
                .body("type", endsWith("conflict"))
                .body("detail", equalTo("An advice request that is accepted cannot become accepted; "
                        + "it can become terms-agreed, withdrawn"))
                .body("allowed", contains("terms-agreed", "withdrawn"));
    }

    @Test
    void decliningAndRedirectingNeedAReasonAndRedirectingATarget() throws Exception {
        String senate = freshSenate();
        String declined = submit(Tokens.requester("QRL"), body(senate, "QRL"));
        triage(senate, declined, Map.of("decision", "decline")).then().statusCode(422)
                .body("errors.field", contains("reason"));
        triage(senate, declined, Map.of("decision", "decline", "reason", "Outside the senate's remit", "lead", LEAD))
                .then().statusCode(422).body("errors.field", contains("lead"));
        triage(senate, declined, Map.of("decision", "decline", "reason", "Outside the senate's remit"))
                .then().statusCode(200)
                .body("status", equalTo("declined"))
                .body("triage.reason", equalTo("Outside the senate's remit"));
        // declined is final
        as(Tokens.requester("QRL")).body(Map.of("reason", "No longer needed"))
                .post("/advice-requests/" + declined + "/withdrawal").then().statusCode(409)
                .body("detail", endsWith("it is final")).body("allowed", nullValue()); // nothing is

        String redirected = submit(Tokens.requester("QRL"), body(senate, "QRL"));
        triage(senate, redirected, Map.of("decision", "redirect", "reason", "A network matter"))
                .then().statusCode(422).body("errors.field", contains("redirectedTo"));
        triage(senate, redirected, Map.of("decision", "redirect", "reason", "A network matter",
                "redirectedTo", Map.of("senate", "london", "body", "Cancer Alliance")))
                .then().statusCode(422).body("errors.field", contains("redirectedTo"));
        triage(senate, redirected, Map.of("decision", "redirect", "reason", "Ours", "redirectedTo",
                Map.of("senate", senate))).then().statusCode(422).body("errors.field", contains("redirectedTo.senate"));
        triage(senate, redirected, Map.of("decision", "redirect", "reason", "The London senate covers this trust",
                "redirectedTo", Map.of("senate", "london"))).then().statusCode(200)
                .body("status", equalTo("redirected"))
                .body("triage.redirectedTo.senate", equalTo("london"));
        assertThat(onlyEvent(redirected, "review.advice-request.triaged"))
                .containsEntry("decision", "redirect").containsEntry("redirectedToSenate", "london")
                .containsEntry("status", "redirected");
        // a refused decision left nothing behind
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND type = ?", declined,
                "review.advice-request.triaged")).isEqualTo(1);
    }

    @Test
    void theLeadIsAMemberOfTheSenateAsMembershipServiceKnowsIt() {
        String senate = freshSenate();
        String id = submit(Tokens.requester("QRL"), body(senate, "QRL"));
        triage(senate, id, Map.of("decision", "accept")).then().statusCode(422).body("errors.field", contains("lead"));
        triage(senate, id, Map.of("decision", "accept", "lead", LEAD)).then().statusCode(422)
                .body("errors[0].field", equalTo("lead"))
                .body("detail", containsString("is not a member of senate " + senate));
        triage(senate, id, Map.of("decision", "accept", "lead", MembershipStub.memberOf("elsewhere").toString()))
                .then().statusCode(422).body("errors[0].field", equalTo("lead"));
        as(Tokens.senateAdmin(senate)).get("/advice-requests/" + id).then().body("status", equalTo("received"));
    }

    @Test
    void onlyTheSenatesAdminsAndChairsTriageItsRequests() {
        String senate = freshSenate();
        String id = submit(Tokens.requester("QRL"), body(senate, "QRL"));
        Map<String, Object> accept = Map.of("decision", "accept", "lead", MembershipStub.memberOf(senate).toString());
        as(Tokens.requester("QRL")).body(accept).post("/advice-requests/" + id + "/triage").then().statusCode(403);
        as(Tokens.assuranceViewer()).body(accept).post("/advice-requests/" + id + "/triage").then().statusCode(403);
        as(Tokens.senateAdmin("elsewhere")).body(accept).post("/advice-requests/" + id + "/triage")
                .then().statusCode(404);
        // an admin of another senate who is also the requester sees the request, and still may not decide
        String adminAndRequester = Tokens.of("admin-and-requester", List.of("senate-admin", "requester"),
                Map.of("org", "QRL", "senates", List.of("elsewhere")));
        as(adminAndRequester).body(accept).post("/advice-requests/" + id + "/triage").then().statusCode(403);
        as(Tokens.platformAdmin()).body(accept).post("/advice-requests/" + id + "/triage").then().statusCode(200);
    }

    @Test
    void aRequestIsWithdrawnBeforeItsReportIsIssuedWithTheReasonRecorded() throws Exception {
        String senate = freshSenate();
        String organisation = freshOrganisation();
        String id = submit(Tokens.requester(organisation), body(senate, organisation));
        accept(senate, id, null).then().statusCode(200);

        invalid(as(Tokens.requester(organisation))).body(Map.of()).post("/advice-requests/" + id + "/withdrawal")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as(Tokens.requester("RHM")).body(Map.of("reason", "Not ours")).post("/advice-requests/" + id + "/withdrawal")
                .then().statusCode(404);
        as(Tokens.requester(organisation)).header("If-Match", "\"0\"").body(Map.of("reason", "Paused"))
                .post("/advice-requests/" + id + "/withdrawal").then().statusCode(412);
        as(Tokens.requester(organisation)).header("If-Match", "\"1\"")
                .body(Map.of("reason", "The ICB has paused the programme"))
                .post("/advice-requests/" + id + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("withdrawn"))
                .body("withdrawal.reason", equalTo("The ICB has paused the programme"))
                .body("withdrawal.recordedBy", equalTo("requester-" + organisation))
                .body("triage.decision", equalTo("accept"));
        Map<String, Object> event = onlyEvent(id, "review.advice-request.withdrawn");
        assertThat(event).isEqualTo(Map.of("id", id, "senate", senate, "requestingOrganisation", organisation,
                "kind", "clinical-review", "status", "withdrawn", "links", Map.of("self", "/advice-requests/" + id)));
        as(Tokens.platformAdmin()).queryParam("entityType", "advice-request").queryParam("entityId", id)
                .get("/audit-entries").then().statusCode(200)
                .body("items[0].action", equalTo("withdrawn"))
                .body("items[0].changes.withdrawalReason", equalTo("The ICB has paused the programme"));
        // the status filter finds it
        as(Tokens.platformAdmin()).queryParam("senate", senate).queryParam("status", "withdrawn")
                .get("/advice-requests").then().statusCode(200).body("items.id", hasItems(id));
    }

    @Test
    void aRequestAlreadyIssuedCanNoLongerBeWithdrawn() {
        String senate = freshSenate();
        String id = submit(Tokens.requester("QRL"), body(senate, "QRL"));
        // the steps between triage and issue are the next part of the workflow: set the status directly
        db.update("UPDATE advice_request SET status = 'issued' WHERE id = ?::uuid", id);
        as(Tokens.requester("QRL")).body(Map.of("reason", "Too late")).post("/advice-requests/" + id + "/withdrawal")
                .then().statusCode(409)
                .body("allowed", contains("published", "sponsor-responded", "closed"));
    }

    private static io.restassured.response.Response accept(String senate, String id, String ifMatch) {
        Map<String, Object> body = new HashMap<>(Map.of("decision", "accept", "lead",
                MembershipStub.memberOf(senate).toString()));
        var spec = as(Tokens.senateAdmin(senate)).body(body);
        if (ifMatch != null) {
            spec.header("If-Match", ifMatch);
        }
        return spec.post("/advice-requests/" + id + "/triage");
    }

    private static io.restassured.response.Response triage(String senate, String id, Map<String, ?> body) {
        return as(Tokens.senateAdmin(senate)).body(body).post("/advice-requests/" + id + "/triage");
    }

    /** The data of the one event of this type about the request. */
    private Map<String, Object> onlyEvent(String id, String type) throws Exception {
        List<Map<String, Object>> rows = db.rows("SELECT data FROM outbox_event WHERE aggregate_id = ? AND type = ?",
                id, type);
        assertThat(rows).hasSize(1);
        return JSON.readValue(rows.get(0).get("data").toString(), new TypeReference<Map<String, Object>>() {
        });
    }
}
