package org.clinicalsenate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.review.AdviceRequests.acceptedTrustRequest;
import static org.clinicalsenate.review.AdviceRequests.body;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.review.AdviceRequests.submit;
import static org.clinicalsenate.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.clinicalsenate.commons.time.Clocks;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The evidence register (links and digests) and the panel's requests for information to the sponsor. */
@QuarkusTest
class EvidenceTest {

    private static final LocalDate TODAY = LocalDate.now(Clocks.ENGLAND);
    private static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Inject
    TestDatabase db;

    @Test
    void theSponsorAndTheSenateRecordEvidenceThatThePanelReads() {
        String senate = freshSenate();
        String id = acceptedTrustRequest(senate);
        String register = "/advice-requests/" + id + "/evidence";

        String pcbc = as(Tokens.requester("QRL")).body(item("Pre-consultation business case",
                "pre-consultation-business-case")).post(register).then().statusCode(201)
                .body("title", equalTo("Pre-consultation business case"))
                .body("providedBy", equalTo("QRL"))
                .body("sha256", equalTo(DIGEST))
                .body("addedBy", equalTo("requester-QRL"))
                .extract().path("id");
        as(Tokens.senateAdmin(senate)).body(item("Stroke audit 2025", "clinical-evidence")).post(register).then()
                .statusCode(201);
        as(Tokens.requester("RHM")).get(register).then().statusCode(200)
                .body("items.title", contains("Pre-consultation business case", "Stroke audit 2025"))
                .body("items[0].id", equalTo(pcbc))
                .body("items[0].link", equalTo("https://documents.example.nhs.uk/hiow/pcbc.pdf"));
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND type = ?", id,
                "review.evidence.added")).isEqualTo(2);
    }

    @Test
    void anItemMustBeProvidedByTodayWithAnHttpsLinkAndASha256Digest() {
        String senate = freshSenate();
        String register = "/advice-requests/" + acceptedTrustRequest(senate) + "/evidence";
        Map<String, Object> future = item("Later", "other");
        future.put("providedOn", TODAY.plusDays(1).toString());
        as(Tokens.senateAdmin(senate)).body(future).post(register).then().statusCode(422)
                .body("errors[0].field", equalTo("providedOn"));
        // the contract's patterns: a digest of 64 lower-case hex characters, an https link
        Map<String, Object> badDigest = item("Bad digest", "other");
        badDigest.put("sha256", "not-a-digest");
        org.clinicalsenate.testing.Api.invalid(as(Tokens.senateAdmin(senate))).body(badDigest).post(register).then()
                .statusCode(400);
        Map<String, Object> http = item("Plain http", "other");
        http.put("link", "http://documents.example.nhs.uk/a.pdf");
        org.clinicalsenate.testing.Api.invalid(as(Tokens.senateAdmin(senate))).body(http).post(register).then()
                .statusCode(400);
        assertThat(db.count("SELECT count(*) FROM evidence WHERE advice_request_id = ?::uuid",
                register.split("/")[2])).isZero();
    }

    @Test
    void thePanelAsksTheSponsorAnswersWithEvidenceAndOpenAndOverdueRequestsAreListed() {
        String senate = freshSenate();
        String id = acceptedTrustRequest(senate);
        String questions = "/advice-requests/" + id + "/information-requests";
        as(Tokens.senateAdmin(senate)).body(Map.of("question", "Travel times?", "dueBy", TODAY.minusDays(1).toString()))
                .post(questions).then().statusCode(422).body("errors[0].field", equalTo("dueBy"));
        String asked = as(Tokens.senateAdmin(senate)).body(Map.of("question", "What are the night-time travel times?",
                "dueBy", TODAY.plusDays(14).toString())).post(questions).then().statusCode(201)
                .body("status", equalTo("open")).body("overdue", equalTo(false)).extract().path("id");
        String late = as(Tokens.senateAdmin(senate)).body(Map.of("question", "Workforce plan?",
                "dueBy", TODAY.toString())).post(questions).then().statusCode(201).extract().path("id");
        // due today: open, not yet overdue; made overdue by moving its due date back in the database
        db.update("UPDATE information_request SET due_by = due_by - 3 WHERE id = ?::uuid", late);
        as(Tokens.requester("QRL")).queryParam("status", "overdue").get(questions).then().statusCode(200)
                .body("items.id", contains(late)).body("items[0].overdue", equalTo(true));
        as(Tokens.requester("QRL")).queryParam("status", "open").get(questions).then()
                .body("items.id", contains(asked, late));

        String travel = as(Tokens.requester("QRL")).body(item("Travel time analysis", "activity-and-capacity-data"))
                .post("/advice-requests/" + id + "/evidence").then().statusCode(201).extract().path("id");
        String answer = questions + "/" + asked + "/answer";
        as(Tokens.requester("QRL")).body(Map.of("text", "See the analysis", "evidenceIds",
                List.of("00000000-0000-4000-8000-000000000001"))).post(answer).then().statusCode(422)
                .body("errors[0].field", equalTo("evidenceIds"));
        as(Tokens.senateAdmin(senate)).body(Map.of("text", "Answered by the senate")).post(answer).then()
                .statusCode(403);
        as(Tokens.requester("QRL")).body(Map.of("text", "See the analysis", "evidenceIds", List.of(travel)))
                .post(answer).then().statusCode(200)
                .body("status", equalTo("answered"))
                .body("answer.evidenceIds", contains(travel))
                .body("answer.answeredBy", equalTo("requester-QRL"));
        as(Tokens.requester("QRL")).body(Map.of("text", "Again")).post(answer).then().statusCode(409);
        as(Tokens.requester("QRL")).queryParam("status", "open").get(questions).then().body("items.id", contains(late));
        assertThat(db.rows("SELECT type FROM outbox_event WHERE aggregate_id = ? AND type LIKE 'review.information%' "
                + "ORDER BY seq", id).stream().map(row -> row.get("type")).toList()).containsExactly(
                        "review.information-request.opened", "review.information-request.opened",
                        "review.information-request.answered");
    }

    @Test
    void whoSeesAndAddsEvidenceAndWhenItIsReceived() {
        String senate = freshSenate();
        String id = acceptedTrustRequest(senate);
        String register = "/advice-requests/" + id + "/evidence";
        as(Tokens.requester("QMF")).body(item("Not ours", "other")).post(register).then().statusCode(404);
        as(Tokens.senateAdmin("elsewhere")).get(register).then().statusCode(404);
        as(Tokens.assuranceViewer()).get(register).then().statusCode(403);
        as(Tokens.member(java.util.UUID.randomUUID().toString())).get(register).then().statusCode(404);
        as(Tokens.requester("RHM")).get(register).then().statusCode(200).body("items", empty());

        String received = submit(Tokens.requester("QRL"), body(senate, "QRL"));
        as(Tokens.requester("QRL")).body(item("Too early", "other")).post("/advice-requests/" + received + "/evidence")
                .then().statusCode(409).body("detail", containsString("receive evidence"));
    }

    private static Map<String, Object> item(String title, String kind) {
        Map<String, Object> item = new HashMap<>();
        item.put("title", title);
        item.put("kind", kind);
        item.put("providedBy", "QRL");
        item.put("providedOn", TODAY.toString());
        item.put("link", "https://documents.example.nhs.uk/hiow/pcbc.pdf");
        item.put("sha256", DIGEST);
        return item;
    }
}
