package org.clinicalsenate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.review.AdviceRequests.reportDraft;
import static org.clinicalsenate.review.AdviceRequests.reviewedPanel;
import static org.clinicalsenate.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.clinicalsenate.review.AdviceRequests.FormedPanel;
import org.clinicalsenate.testing.MovableClock;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The second half of a review, through the API by the roles that do each step: the panel's report
 * in versions (sections built from the review's records), the sponsor's factual-accuracy check
 * with its due date in working days, the council's endorsement, issue, the sponsor's consent and
 * publication, the sponsor's response, closure and reopening.
 */
@QuarkusTest
class ReportTest {

    /** A Thursday before Christmas: 10 working days skip Christmas, Boxing Day (the 28th) and New Year's Day. */
    private static final LocalDate BEFORE_CHRISTMAS = LocalDate.of(2026, 12, 17);

    @Inject
    TestDatabase db;

    @Inject
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aReviewIsCarriedFromItsFirstDraftToClosureByTheRolesThatDoEachStep() {
        String senate = freshSenate();
        FormedPanel panel = reviewedPanel(senate);
        String report = "/advice-requests/" + panel.id() + "/report";
        String admin = Tokens.senateAdmin(senate);
        String sponsor = Tokens.requester("QRL");

        clock.setToday(BEFORE_CHRISTMAS);
        as(admin).body(reportDraft(2, "Supported, subject to a workforce plan")).post(report + "/versions").then()
                .statusCode(201)
                .header("Location", containsString(report + "/versions/1"))
                .body("version", equalTo(1))
                .body("recommendations.number", contains(1, 2))
                .body("recommendations[0].theme", equalTo("workforce"))
                // the panel and declarations sections come from the review's records
                .body("panel", hasSize(5))
                .body("panel.find { it.role == 'chair' }.name", equalTo("Dr Chair"))
                .body("panel.find { it.name == 'Dr Two' }.meetingsAttended", equalTo(1))
                .body("declarations", hasSize(1))
                .body("declarations[0].name", equalTo("Dr Two"))
                .body("declarations[0].action", equalTo("left-room-for-item"));
        as(admin).get("/advice-requests/" + panel.id()).then().body("status", equalTo("draft-report"));
        // the sponsor does not see a draft before it is sent to it; the panel does
        as(sponsor).get(report).then().statusCode(404);
        as(Tokens.member(panel.members().get(1).toString())).get(report + "/versions/1").then().statusCode(200);

        as(admin).body(Map.of()).post(report + "/factual-accuracy-check").then().statusCode(200)
                .body("status", equalTo("factual-accuracy-check"))
                .body("factualAccuracy.version", equalTo(1))
                .body("factualAccuracy.dueOn", equalTo("2027-01-05"));
        String onRecommendation = as(sponsor).body(Map.of("recommendation", 1,
                "comment", "The night rota has 8 consultants, not 6.")).post(report + "/comments").then().statusCode(201)
                .body("late", equalTo(false)).body("version", equalTo(1)).extract().path("id");
        String onFindings = as(sponsor).body(Map.of("section", "findings", "comment", "The audit is from 2025, not 2024."))
                .post(report + "/comments").then().statusCode(201).extract().path("id");
        as(admin).get(report).then().body("factualAccuracy.commentsOpen", equalTo(2));
        // the council cannot decide while comments are open
        endorse(admin, report, "endorsed", null).then().statusCode(409).body("detail", containsString("not answered"));
        as(admin).body(Map.of("outcome", "accepted", "change", "Corrected to 8 consultants."))
                .post(report + "/comments/" + onRecommendation + "/answer").then().statusCode(200)
                .body("answer.outcome", equalTo("accepted"));
        as(admin).body(Map.of("outcome", "not-accepted", "reason", "The panel read the 2024 audit; both are cited."))
                .post(report + "/comments/" + onFindings + "/answer").then().statusCode(200);
        // an accepted change needs its version before the council decides
        endorse(admin, report, "endorsed", null).then().statusCode(409).body("detail", containsString("draft the version"));
        as(admin).body(reportDraft(2, "Supported, subject to a workforce plan (8 consultants)"))
                .post(report + "/versions").then().statusCode(201).body("version", equalTo(2));
        as(sponsor).get(report + "/comments").then().statusCode(200).body("items", hasSize(2))
                .body("items.find { it.id == '" + onFindings + "' }.answer.reason", containsString("2024 audit"));

        endorse(Tokens.senateChair(senate), report, "endorsed", null).then().statusCode(200)
                .body("status", equalTo("endorsed"))
                .body("endorsement.decision", equalTo("endorsed"))
                .body("endorsement.version", equalTo(2));
        // endorsed as it is: final
        as(admin).body(reportDraft(1, "Late change")).post(report + "/versions").then().statusCode(409);
        as(admin).body(Map.of()).post(report + "/issue").then().statusCode(200)
                .body("status", equalTo("issued")).body("issue.version", equalTo(2))
                .body("issue.issuedOn", equalTo(BEFORE_CHRISTMAS.toString()));
        // issued: no longer withdrawn
        as(sponsor).body(Map.of("reason", "Changed our mind")).post("/advice-requests/" + panel.id() + "/withdrawal")
                .then().statusCode(409);

        // publication needs the sponsor's consent
        as(admin).post(report + "/publication").then().statusCode(409).body("detail", containsString("consent"));
        as(sponsor).body(Map.of("decision", "given")).post(report + "/publication-consent").then().statusCode(200)
                .body("publicationConsent.decision", equalTo("given"))
                .body("publicationConsent.givenBy", equalTo("requester-QRL"))
                .body("publicationConsent.givenOn", equalTo(BEFORE_CHRISTMAS.toString()));
        as(admin).post(report + "/publication").then().statusCode(200)
                .body("status", equalTo("published")).body("publication.version", equalTo(2));

        as(sponsor).body(Map.of("responses", List.of(
                Map.of("recommendation", 1, "response", "accepted", "action", "Night rota plan to the ICB board in May",
                        "owner", "Chief Nursing Officer"),
                Map.of("recommendation", 2, "response", "not-accepted"))))
                .post(report + "/sponsor-response").then().statusCode(200)
                .body("status", equalTo("sponsor-responded"))
                .body("sponsorResponse.responses.response", contains("accepted", "not-accepted"));

        as(admin).body(Map.of("note", "Nothing further is asked of the senate."))
                .post("/advice-requests/" + panel.id() + "/closure").then().statusCode(200)
                .body("status", equalTo("closed")).body("closure.closedFrom", equalTo("sponsor-responded"));
        // only a platform-admin reopens, with a reason, to where it was
        as(admin).body(Map.of("reason", "Asked again")).post("/advice-requests/" + panel.id() + "/reopening").then()
                .statusCode(403);
        as(Tokens.platformAdmin()).body(Map.of("reason", "The ICB asked the senate to look at its revised bed model."))
                .post("/advice-requests/" + panel.id() + "/reopening").then().statusCode(200)
                .body("status", equalTo("sponsor-responded"))
                .body("closure.reopenReason", containsString("revised bed model"));
        as(Tokens.platformAdmin()).body(Map.of("reason", "Again"))
                .post("/advice-requests/" + panel.id() + "/reopening").then().statusCode(409);

        for (String type : List.of("review.report.drafted", "review.report.comment-received",
                "review.report.comment-answered")) {
            assertThat(db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND type = ?", panel.id(), type))
                    .as(type).isEqualTo(2);
        }
        for (String type : List.of("review.report.factual-accuracy-check-started", "review.report.endorsement-recorded",
                "review.report.issued", "review.report.publication-consent-recorded", "review.report.published",
                "review.report.sponsor-response-recorded", "review.advice-request.closed",
                "review.advice-request.reopened")) {
            assertThat(db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND type = ?", panel.id(), type))
                    .as(type).isEqualTo(1);
        }
        // every change of status recorded, in order
        assertThat(db.rows("SELECT to_status FROM advice_request_transition WHERE advice_request_id = ?::uuid"
                + " AND at >= (SELECT min(drafted_at) FROM report_version WHERE advice_request_id = ?::uuid)"
                + " ORDER BY at, id", panel.id(), panel.id()).stream().map(row -> row.get("to_status")))
                .containsExactly("draft-report",
                "factual-accuracy-check", "endorsed", "issued", "published", "sponsor-responded", "closed",
                "sponsor-responded");
    }

    @Test
    void theReportIsAPrintablePageBuiltFromTheRecordsAndEscaped() {
        String senate = freshSenate();
        FormedPanel panel = reviewedPanel(senate);
        String report = "/advice-requests/" + panel.id() + "/report";
        Map<String, Object> draft = reportDraft(1, "Supported <script>alert(1)</script> & sound");
        as(Tokens.senateAdmin(senate)).body(draft).post(report + "/versions").then().statusCode(201);

        String page = as(Tokens.senateAdmin(senate)).accept("text/html").get(report + "/versions/1").then()
                .statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertThat(page).startsWith("<!DOCTYPE html>")
                .contains("report version 1")
                .contains("Supported &lt;script&gt;alert(1)&lt;/script&gt; &amp; sound")
                .doesNotContain("<script>")
                .contains("Dr Chair", "Patient voice", "Honorary contract with Hampshire Hospitals, ended 2025",
                        "left-room-for-item", "test-3-clinical-evidence-base", "workforce");
        // JSON by default, 406 for a type it cannot produce
        as(Tokens.senateAdmin(senate)).get(report + "/versions/1").then().statusCode(200)
                .contentType(containsString("application/json"));
        org.clinicalsenate.testing.Api.invalid(as(Tokens.senateAdmin(senate))).accept("image/png")
                .get(report + "/versions/1").then().statusCode(406);
        as(Tokens.senateAdmin(senate)).get(report + "/versions/2").then().statusCode(404);
    }

    @Test
    void aCouncilThatDoesNotEndorseSendsTheReportBackAndAmendmentsNeedTheAmendedVersion() {
        String senate = freshSenate();
        FormedPanel panel = reviewedPanel(senate);
        String report = "/advice-requests/" + panel.id() + "/report";
        String chair = Tokens.senateChair(senate);
        as(chair).body(reportDraft(1, "First")).post(report + "/versions").then().statusCode(201);
        as(chair).body(Map.of()).post(report + "/factual-accuracy-check").then().statusCode(200);

        endorse(chair, report, "not-endorsed", null).then().statusCode(422).body("errors[0].field", equalTo("note"));
        endorse(chair, report, "not-endorsed", "The options appraisal is missing.").then().statusCode(200)
                .body("status", equalTo("draft-report")).body("endorsement.note", containsString("options appraisal"));
        as(chair).body(reportDraft(1, "Second")).post(report + "/versions").then().statusCode(201);
        as(chair).body(Map.of()).post(report + "/factual-accuracy-check").then().statusCode(200)
                .body("factualAccuracy.version", equalTo(2));
        endorse(chair, report, "endorsed-with-amendments", "Name the owner of recommendation 1.").then()
                .statusCode(200).body("status", equalTo("endorsed"));
        as(chair).body(Map.of()).post(report + "/issue").then().statusCode(409)
                .body("detail", containsString("amended version"));
        as(chair).body(reportDraft(1, "Third, amended")).post(report + "/versions").then().statusCode(201)
                .body("version", equalTo(3));
        // one amended version
        as(chair).body(reportDraft(1, "Fourth")).post(report + "/versions").then().statusCode(409);
        as(chair).body(Map.of()).post(report + "/issue").then().statusCode(200).body("issue.version", equalTo(3));
        // a refusal is recorded, and blocks publication
        as(Tokens.senateAdmin(senate)).body(Map.of("decision", "refused")).post(report + "/publication-consent").then()
                .statusCode(422).body("errors[0].field", equalTo("givenBy"));
        as(Tokens.senateAdmin(senate)).body(Map.of("decision", "refused", "givenBy", "Medical Director, QRL",
                "givenOn", LocalDate.now(clock).toString())).post(report + "/publication-consent").then().statusCode(200)
                .body("publicationConsent.givenBy", equalTo("Medical Director, QRL"));
        as(chair).post(report + "/publication").then().statusCode(409).body("detail", containsString("refused"));
        // closed without publication
        as(chair).body(Map.of()).post("/advice-requests/" + panel.id() + "/closure").then().statusCode(200)
                .body("closure.closedFrom", equalTo("issued"));
    }

    @Test
    void commentsAreTakenUntilTheDueDateThenMarkedLateForTheGracePeriodThenRefused() {
        String senate = freshSenate();
        FormedPanel panel = reviewedPanel(senate);
        String report = "/advice-requests/" + panel.id() + "/report";
        String admin = Tokens.senateAdmin(senate);
        as(admin).body(reportDraft(1, "Draft")).post(report + "/versions").then().statusCode(201);
        clock.setToday(BEFORE_CHRISTMAS);
        as(admin).body(Map.of("dueOn", BEFORE_CHRISTMAS.toString())).post(report + "/factual-accuracy-check").then()
                .statusCode(422).body("errors[0].field", equalTo("dueOn"));
        as(admin).body(Map.of("sentOn", "2026-12-18")).post(report + "/factual-accuracy-check").then()
                .statusCode(422).body("errors[0].field", equalTo("sentOn"));
        as(admin).body(Map.of("dueOn", "2026-12-18")).post(report + "/factual-accuracy-check").then().statusCode(200)
                .body("factualAccuracy.dueOn", equalTo("2026-12-18"));
        Map<String, Object> comment = Map.of("section", "background", "comment", "The proposal dates from 2025.");

        clock.setToday(LocalDate.of(2026, 12, 18));
        as(Tokens.requester("QRL")).body(comment).post(report + "/comments").then().statusCode(201)
                .body("late", equalTo(false));
        // 5 working days of grace after Friday 18th: 21, 22, 23, 24 and 29 December
        clock.setToday(LocalDate.of(2026, 12, 29));
        as(Tokens.requester("RHM")).body(comment).post(report + "/comments").then().statusCode(201)
                .body("late", equalTo(true));
        clock.setToday(LocalDate.of(2026, 12, 30));
        as(Tokens.requester("QRL")).body(comment).post(report + "/comments").then().statusCode(409)
                .body("detail", containsString("2026-12-18"));
        assertThat(db.count("SELECT count(*) FROM factual_accuracy_comment WHERE advice_request_id = ?::uuid",
                panel.id())).isEqualTo(2);
    }

    @Test
    void aCheckAlreadyUnderWayIsRecordedWithTheDayTheDraftWasSent() {
        String senate = freshSenate();
        FormedPanel panel = reviewedPanel(senate);
        String report = "/advice-requests/" + panel.id() + "/report";
        as(Tokens.senateAdmin(senate)).body(reportDraft(1, "Sent by email")).post(report + "/versions").then()
                .statusCode(201);
        clock.setToday(LocalDate.of(2027, 1, 20));
        // sent on Thursday 17 December: due 10 working days later, past already
        as(Tokens.senateAdmin(senate)).body(Map.of("sentOn", BEFORE_CHRISTMAS.toString()))
                .post(report + "/factual-accuracy-check").then().statusCode(200)
                .body("factualAccuracy.sentOn", equalTo(BEFORE_CHRISTMAS.toString()))
                .body("factualAccuracy.dueOn", equalTo("2027-01-05"));
    }

    @Test
    void whatAVersionAndAResponseMustSayIsChecked() {
        String senate = freshSenate();
        FormedPanel panel = reviewedPanel(senate);
        String report = "/advice-requests/" + panel.id() + "/report";
        String admin = Tokens.senateAdmin(senate);

        Map<String, Object> noTest3 = reportDraft(1, "No test 3");
        noTest3.put("testAssessments", List.of());
        as(admin).body(noTest3).post(report + "/versions").then().statusCode(422)
                .body("errors[0].field", equalTo("testAssessments"))
                .body("errors[0].message", containsString("terms of reference include it"));
        Map<String, Object> test1 = reportDraft(1, "Test 1");
        test1.put("testAssessments", List.of(Map.of("test", "test-1-public-engagement", "assessment", "supported",
                "reasoning", "Engagement was broad.")));
        as(admin).body(test1).post(report + "/versions").then().statusCode(422)
                .body("errors[0].field", equalTo("testAssessments[0].test"));
        Map<String, Object> conditionsOnTest3 = reportDraft(1, "Conditions");
        conditionsOnTest3.put("testAssessments", List.of(Map.of("test", "test-3-clinical-evidence-base",
                "assessment", "supported", "reasoning", "Sound.", "conditionsMet", List.of("alternative-provision"))));
        as(admin).body(conditionsOnTest3).post(report + "/versions").then().statusCode(422)
                .body("errors[0].field", equalTo("testAssessments[0].conditionsMet"));
        Map<String, Object> unknownTheme = reportDraft(1, "Theme");
        unknownTheme.put("recommendations", List.of(Map.of("text", "Do it", "theme", "astrology", "priority", "low",
                "evidenceStrength", "limited")));
        as(admin).body(unknownTheme).post(report + "/versions").then().statusCode(422)
                .body("errors[0].field", equalTo("recommendations[0].theme"));
        assertThat(db.count("SELECT count(*) FROM report_version WHERE advice_request_id = ?::uuid", panel.id()))
                .isZero();
        as(admin).get("/advice-requests/" + panel.id()).then().body("status", equalTo("evidence-gathering"));

        as(admin).body(reportDraft(3, "Three")).post(report + "/versions").then().statusCode(201);
        as(admin).body(Map.of()).post(report + "/factual-accuracy-check").then().statusCode(200);
        as(Tokens.requester("QRL")).body(Map.of("section", "findings", "recommendation", 1, "comment", "Both"))
                .post(report + "/comments").then().statusCode(422).body("errors[0].field", equalTo("section"));
        as(Tokens.requester("QRL")).body(Map.of("recommendation", 4, "comment", "No such"))
                .post(report + "/comments").then().statusCode(422).body("errors[0].field", equalTo("recommendation"));
        String comment = as(Tokens.requester("QRL")).body(Map.of("recommendation", 3, "comment", "Fact"))
                .post(report + "/comments").then().statusCode(201).extract().path("id");
        as(admin).body(Map.of("outcome", "accepted")).post(report + "/comments/" + comment + "/answer").then()
                .statusCode(422).body("errors[0].field", equalTo("change"));
        as(admin).body(Map.of("outcome", "not-accepted", "reason", "Correct as written"))
                .post(report + "/comments/" + comment + "/answer").then().statusCode(200);
        as(admin).body(Map.of("outcome", "accepted", "change", "Changed"))
                .post(report + "/comments/" + comment + "/answer").then().statusCode(409);
        endorse(admin, report, "endorsed", null).then().statusCode(200);
        Map<String, Object> future = new HashMap<>(Map.of("issuedOn", LocalDate.now(clock).plusDays(1).toString()));
        as(admin).body(future).post(report + "/issue").then().statusCode(422).body("errors[0].field", equalTo("issuedOn"));
        as(admin).body(Map.of()).post(report + "/issue").then().statusCode(200);

        String sponsorResponse = report + "/sponsor-response";
        as(Tokens.requester("QRL")).body(Map.of("responses", List.of(Map.of("recommendation", 1, "response", "accepted",
                "action", "Plan", "owner", "CNO")))).post(sponsorResponse).then().statusCode(422)
                .body("errors[0].field", equalTo("responses")).body("errors[0].message", containsString("1 of the report's 3"));
        as(Tokens.requester("QRL")).body(Map.of("responses", List.of(
                Map.of("recommendation", 1, "response", "partly-accepted"),
                Map.of("recommendation", 2, "response", "not-accepted"),
                Map.of("recommendation", 3, "response", "not-accepted")))).post(sponsorResponse).then().statusCode(422)
                .body("errors[0].field", equalTo("responses[0].action"));
        as(Tokens.requester("QRL")).body(Map.of("responses", List.of(
                Map.of("recommendation", 1, "response", "not-accepted"),
                Map.of("recommendation", 1, "response", "not-accepted"),
                Map.of("recommendation", 3, "response", "not-accepted")))).post(sponsorResponse).then().statusCode(422)
                .body("errors[0].field", equalTo("responses[1].recommendation"));
        as(admin).get(report).then().body("sponsorResponse", nullValue()).body("status", equalTo("issued"));
    }

    @Test
    void eachStepIsTheirsWhoDoItInRealLifeAndOthersAreRefused() {
        String senate = freshSenate();
        FormedPanel panel = reviewedPanel(senate);
        String report = "/advice-requests/" + panel.id() + "/report";
        String admin = Tokens.senateAdmin(senate);

        // the sponsor and other senates' admins do not draft
        as(Tokens.requester("QRL")).body(reportDraft(1, "Mine")).post(report + "/versions").then().statusCode(403);
        as(Tokens.senateAdmin("another-senate")).body(reportDraft(1, "Mine")).post(report + "/versions").then()
                .statusCode(404);
        as(Tokens.member(panel.members().get(0).toString())).body(reportDraft(1, "Mine")).post(report + "/versions")
                .then().statusCode(403);
        as(admin).body(reportDraft(1, "Draft")).post(report + "/versions").then().statusCode(201);

        // readers: not another organisation, not a member off the panel, not assurance (progress only)
        as(Tokens.requester("RXX")).get(report).then().statusCode(404);
        as(Tokens.member(java.util.UUID.randomUUID().toString())).get(report).then().statusCode(404);
        as(Tokens.assuranceViewer()).get(report).then().statusCode(403);
        as(Tokens.service("membership-service")).get(report).then().statusCode(403);

        as(admin).body(Map.of()).post(report + "/factual-accuracy-check").then().statusCode(200);
        as(Tokens.requester("RHM")).get(report).then().statusCode(200).body("status", equalTo("factual-accuracy-check"));
        // the sponsor comments, the senate answers
        as(admin).body(Map.of("section", "method", "comment", "Mine")).post(report + "/comments").then().statusCode(403);
        as(Tokens.requester("RXX")).body(Map.of("section", "method", "comment", "Mine")).post(report + "/comments")
                .then().statusCode(404);
        String comment = as(Tokens.requester("QRL")).body(Map.of("section", "method", "comment", "Fact"))
                .post(report + "/comments").then().statusCode(201).extract().path("id");
        as(Tokens.requester("QRL")).body(Map.of("outcome", "not-accepted", "reason", "No"))
                .post(report + "/comments/" + comment + "/answer").then().statusCode(403);
        as(admin).body(Map.of("outcome", "not-accepted", "reason", "No"))
                .post(report + "/comments/" + java.util.UUID.randomUUID() + "/answer").then().statusCode(404);
        // the sponsor does not record the council's decision, nor issue, publish or close
        endorse(Tokens.requester("QRL"), report, "endorsed", null).then().statusCode(403);
        as(Tokens.requester("QRL")).body(Map.of()).post(report + "/issue").then().statusCode(403);
        as(Tokens.requester("QRL")).post(report + "/publication").then().statusCode(403);
        as(Tokens.requester("QRL")).body(Map.of()).post("/advice-requests/" + panel.id() + "/closure").then()
                .statusCode(403);
        // steps out of order: 409 with the allowed next steps
        as(admin).body(Map.of()).post(report + "/issue").then().statusCode(409)
                .body("allowed", not(hasSize(0)));
        as(admin).body(Map.of()).post("/advice-requests/" + panel.id() + "/closure").then().statusCode(409);
    }

    private static io.restassured.response.Response endorse(String token, String report, String decision, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("councilMeetingDate", LocalDate.now(org.clinicalsenate.commons.time.Clocks.ENGLAND).minusDays(1)
                .toString());
        if (note != null) {
            body.put("note", note);
        }
        return as(token).body(body).post(report + "/endorsement");
    }
}
