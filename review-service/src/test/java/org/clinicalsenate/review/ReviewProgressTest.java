package org.clinicalsenate.review;

import static org.clinicalsenate.review.AdviceRequests.body;
import static org.clinicalsenate.review.AdviceRequests.formedPanel;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.review.AdviceRequests.listAllIds;
import static org.clinicalsenate.review.AdviceRequests.submit;
import static org.clinicalsenate.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.clinicalsenate.commons.time.Clocks;
import org.clinicalsenate.review.AdviceRequests.FormedPanel;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What an assurance-viewer reads: where each review stands (status, dates and counts), never its
 * content; and the requests a sponsor's requesters list.
 */
@QuarkusTest
class ReviewProgressTest {

    @jakarta.inject.Inject
    TestDatabase db;

    @Test
    void anAssuranceViewerFollowsEachReviewsStatusDatesAndCountsButNotItsContent() {
        String senate = freshSenate();
        FormedPanel panel = formedPanel(senate);
        MembershipStub.panelCheck(panel.members(), Map.of());
        String meeting = as(Tokens.senateAdmin(senate)).body(Map.of("kind", "panel-meeting", "startsAt",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "place", "Online", "agenda",
                List.of("1. Evidence"))).post("/advice-requests/" + panel.id() + "/meetings").then().statusCode(201)
                .extract().path("id");
        as(Tokens.senateAdmin(senate)).body(Map.of("memberId", panel.members().get(0).toString(), "attendance",
                "attended")).post("/advice-requests/" + panel.id() + "/meetings/" + meeting + "/attendance").then()
                .statusCode(200);
        as(Tokens.requester("QRL")).body(Map.of("title", "Pre-consultation business case", "kind", "other",
                "providedBy", "QRL", "providedOn", LocalDate.now(Clocks.ENGLAND).toString(), "link",
                "https://documents.example.nhs.uk/pcbc.pdf", "sha256",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))
                .post("/advice-requests/" + panel.id() + "/evidence").then().statusCode(201);
        as(Tokens.senateAdmin(senate)).body(Map.of("question", "Night-time travel times?", "dueBy",
                LocalDate.now(Clocks.ENGLAND).plusDays(14).toString()))
                .post("/advice-requests/" + panel.id() + "/information-requests").then().statusCode(201);
        String received = submit(Tokens.requester("QRL"), body(senate, "QRL"));

        as(Tokens.assuranceViewer()).queryParam("senate", senate).get("/review-progress").then().statusCode(200)
                .body("items.adviceRequestId", contains(received, panel.id()))
                .body("items[0].status", equalTo("received"))
                .body("items[0].counts.panelMembers", equalTo(0))
                .body("items[1].status", equalTo("evidence-gathering"))
                .body("items[1].statusSince", notNullValue())
                .body("items[1].kind", equalTo("clinical-review"))
                .body("items[1].triagedAt", notNullValue())
                .body("items[1].termsSignedOffAt", notNullValue())
                .body("items[1].counts.panelMembers", equalTo(5))
                .body("items[1].counts.meetingsHeld", equalTo(1))
                .body("items[1].counts.evidenceItems", equalTo(1))
                .body("items[1].counts.informationRequestsOpen", equalTo(1))
                .body("items[1]", not(hasKey("title")))
                .body("items[1]", not(hasKey("question")));
        as(Tokens.assuranceViewer()).queryParam("senate", senate).queryParam("status", "received")
                .get("/review-progress").then().body("items.adviceRequestId", contains(received));

        // every change of status is recorded, with when: stage durations are computed from them
        assertThat(db.rows("SELECT from_status, to_status FROM advice_request_transition WHERE advice_request_id = ?::uuid"
                + " ORDER BY at, id", panel.id()).toString()).isEqualTo(
                        "[{from_status=null, to_status=received}, {from_status=received, to_status=accepted},"
                        + " {from_status=accepted, to_status=terms-agreed}, {from_status=terms-agreed,"
                        + " to_status=panel-formed}, {from_status=panel-formed, to_status=evidence-gathering}]");

        // the content is not theirs to read
        as(Tokens.assuranceViewer()).get("/advice-requests/" + panel.id()).then().statusCode(403);
        as(Tokens.assuranceViewer()).get("/advice-requests").then().statusCode(403);
        // senate-admins follow their senates' reviews only; requesters read their requests instead
        as(Tokens.senateAdmin("elsewhere")).queryParam("senate", senate).get("/review-progress").then()
                .statusCode(200).body("items", empty());
        as(Tokens.senateChair(senate)).get("/review-progress").then().statusCode(200)
                .body("items.adviceRequestId", contains(received, panel.id()));
        as(Tokens.requester("QRL")).get("/review-progress").then().statusCode(403);
    }

    @Test
    void aSponsorsRequestersListTheRequestsItSponsorsWithItsOwnNewestFirstPageByPage() {
        String senate = freshSenate();
        String sponsor = AdviceRequests.freshOrganisation();
        List<String> newestFirst = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // its own requests and trusts' requests it sponsors, interleaved
            Map<String, Object> request = body(senate, i % 2 == 0 ? sponsor : "RHM");
            if (i % 2 == 1) {
                request.put("requestingOrganisationType", "provider-trust");
                request.put("sponsor", sponsor);
            }
            newestFirst.add(0, submit(Tokens.platformAdmin(), request));
        }
        submit(Tokens.platformAdmin(), body(senate, "RYY"));

        List<String> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = as(Tokens.requester(sponsor)).queryParam("limit", 2);
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            var read = page.get("/advice-requests").then().statusCode(200).extract();
            paged.addAll(read.path("items.id"));
            cursor = read.path("nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(newestFirst);
        assertThat(listAllIds(Tokens.requester("RHM"), Map.of("senate", senate))).hasSize(2);
    }
}
