package org.clinicalsenate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.review.AdviceRequests.body;
import static org.clinicalsenate.review.AdviceRequests.freshOrganisation;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.review.AdviceRequests.publishedReview;
import static org.clinicalsenate.review.AdviceRequests.reportDraft;
import static org.clinicalsenate.review.AdviceRequests.reviewedPanel;
import static org.clinicalsenate.review.AdviceRequests.submit;
import static org.clinicalsenate.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.clinicalsenate.commons.time.Clocks;
import org.clinicalsenate.review.AdviceRequests.FormedPanel;
import org.clinicalsenate.review.service.StageDeadlineService;
import org.clinicalsenate.testing.CapturedSql;
import org.clinicalsenate.testing.MovableClock;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The assurance statistics: each family of figures computed by the database from the requests and
 * their recorded changes of status, per senate and period, as JSON and CSV, for assurance and the
 * senate's own admins only.
 */
@QuarkusTest
class AssuranceStatisticsTest {

    @Inject
    MovableClock clock;

    @Inject
    CapturedSql sql;

    @Inject
    StageDeadlineService deadlines;

    @Inject
    TestDatabase db;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void requestsByKindAndTriageAndTheDaysSpentInEachStatusFromTheRecordedChanges() {
        String senate = freshSenate();
        String organisation = freshOrganisation();
        // two requests triaged after 3 and 7 days: 'received' lasted a median of 5 days
        for (int days : new int[] { 3, 7 }) {
            clock.reset();
            String id = submit(Tokens.platformAdmin(), body(senate, organisation, "Triaged after " + days + " days"));
            clock.advance(Duration.ofDays(days));
            as(Tokens.senateAdmin(senate)).body(Map.of("decision", "decline", "reason", "Out of scope"))
                    .post("/advice-requests/" + id + "/triage").then().statusCode(200);
        }
        clock.reset();
        Map<String, Object> soon = body(senate, organisation, "Needed soon");
        soon.put("neededBy", LocalDate.now(Clocks.ENGLAND).plusWeeks(3).toString());
        submit(Tokens.platformAdmin(), soon);

        as(Tokens.assuranceViewer()).queryParam("senate", senate).get("/assurance-statistics").then().statusCode(200)
                .body("senates.senate", contains(senate))
                .body("senates[0].requests.findAll { it.triage == 'declined' }.count", contains(2))
                .body("senates[0].requests.findAll { it.triage == 'pending' }.count", contains(1))
                .body("senates[0].shortNotice", equalTo(1))
                .body("senates[0].stages.find { it.stage == 'received' }.completed", equalTo(2))
                .body("senates[0].stages.find { it.stage == 'received' }.medianDays", equalTo(5.0f))
                .body("senates[0].stages.find { it.stage == 'received' }.p90Days", equalTo(6.6f))
                .body("senates[0].endToEnd.completed", equalTo(0))
                .body("senates[0].publication.issued", equalTo(0));
        // another period: nothing
        as(Tokens.assuranceViewer()).queryParam("senate", senate).queryParam("from", "2020-01-01")
                .queryParam("to", "2021-01-01").get("/assurance-statistics").then().statusCode(200)
                .body("senates", empty());
        as(Tokens.assuranceViewer()).queryParam("from", "2021-01-01").queryParam("to", "2020-01-01")
                .get("/assurance-statistics").then().statusCode(422).body("errors[0].field", equalTo("from"));
    }

    @Test
    void publishedReportsTheirTestsRecommendationsAndResponsesAndOverdueStagesAreCounted() {
        String senate = freshSenate();
        FormedPanel published = publishedReview(senate, "Supported");
        String report = "/advice-requests/" + published.id() + "/report";
        as(Tokens.requester("QRL")).body(Map.of("responses", List.of(
                Map.of("recommendation", 1, "response", "accepted", "action", "Plan", "owner", "CNO"),
                Map.of("recommendation", 2, "response", "not-accepted")))).post(report + "/sponsor-response").then()
                .statusCode(200);
        as(Tokens.senateAdmin(senate)).body(Map.of()).post("/advice-requests/" + published.id() + "/closure").then()
                .statusCode(200);
        // one in its factual-accuracy check, due tomorrow
        FormedPanel checked = reviewedPanel(senate);
        String checkedReport = "/advice-requests/" + checked.id() + "/report";
        as(Tokens.senateAdmin(senate)).body(reportDraft(1, "Draft")).post(checkedReport + "/versions").then()
                .statusCode(201);
        as(Tokens.senateAdmin(senate)).body(Map.of("dueOn", LocalDate.now(Clocks.ENGLAND).plusDays(1).toString()))
                .post(checkedReport + "/factual-accuracy-check").then().statusCode(200);

        String statistics = "/assurance-statistics?senate=" + senate;
        as(Tokens.senateAdmin(senate)).get(statistics).then().statusCode(200)
                .body("senates[0].overdueNow", empty())
                .body("senates[0].publication.issued", equalTo(1))
                .body("senates[0].publication.published", equalTo(1))
                .body("senates[0].publication.share", equalTo(1.0f))
                .body("senates[0].endToEnd.completed", equalTo(1))
                .body("senates[0].testAssessments", hasSize(1))
                .body("senates[0].testAssessments[0].test", equalTo("test-3-clinical-evidence-base"))
                .body("senates[0].testAssessments[0].assessment", equalTo("supported"))
                .body("senates[0].recommendations.collect { it.theme + ':' + it.response + ':' + it.count }",
                        containsInAnyOrder("workforce:accepted:1", "clinical-model:not-accepted:1"))
                .body("senates[0].stages.find { it.stage == 'factual-accuracy-check' }.completed", equalTo(1));

        // found past its due date by the scheduled check
        clock.advance(Duration.ofDays(3));
        deadlines.reportOverdue(LocalDate.now(clock));
        as(Tokens.senateAdmin(senate)).get(statistics).then().statusCode(200)
                .body("senates[0].overdueNow.stage", contains("factual-accuracy-check"))
                .body("senates[0].overdueNow[0].count", equalTo(1));
        clock.advance(Duration.ofDays(200));
        deadlines.reportOverdue(LocalDate.now(clock));
        as(Tokens.senateAdmin(senate)).get(statistics).then().statusCode(200)
                .body("senates[0].overdueNow.stage", contains("advice-needed-by", "factual-accuracy-check"));

        String csv = as(Tokens.assuranceViewer()).accept("text/csv").get(statistics).then().statusCode(200)
                .extract().asString();
        assertThat(csv).startsWith("\uFEFFSenate,Figure,Group,Subgroup,Count,Median days,90th percentile days,Share")
                .contains(senate + ",publication,,,1,")
                .contains(senate + ",recommendations,workforce,accepted,1,,,")
                .contains(senate + ",overdue-now,factual-accuracy-check,,1,,,");
    }

    @Test
    void eachFigureFamilyIsOneIndexBackedQuery() {
        String senate = freshSenate();
        publishedReview(senate, "Supported");
        List<String> queries = sql.during(() -> as(Tokens.assuranceViewer()).queryParam("senate", senate)
                .get("/assurance-statistics").then().statusCode(200));
        assertThat(queries).hasSize(8);
        for (String query : queries) {
            String plan = db.planPreferringIndexes(query);
            assertThat(plan).as(query + "\n" + plan).doesNotContain("Seq Scan on advice_request")
                    .doesNotContain("Seq Scan on report");
        }
    }

    @Test
    void assuranceAndTheSenatesOwnAdminsReadTheFiguresAndNobodyElse() {
        String senate = freshSenate();
        submit(Tokens.platformAdmin(), body(senate, freshOrganisation(), "Counted"));
        as(Tokens.requester("QRL")).get("/assurance-statistics").then().statusCode(403);
        as(Tokens.member(java.util.UUID.randomUUID().toString())).get("/assurance-statistics").then().statusCode(403);
        as(Tokens.service("membership-service")).get("/assurance-statistics").then().statusCode(403);
        as(Tokens.senateAdmin("another-senate")).queryParam("senate", senate).get("/assurance-statistics").then()
                .statusCode(403);
        // without a senate, a senate's admin gets its own senates only
        as(Tokens.senateAdmin("another-senate")).get("/assurance-statistics").then().statusCode(200)
                .body("senates.senate", empty());
        as(Tokens.senateChair(senate)).get("/assurance-statistics").then().statusCode(200)
                .body("senates.senate", contains(senate));
        as(Tokens.platformAdmin()).queryParam("senate", senate).get("/assurance-statistics").then().statusCode(200)
                .body("senates.senate", contains(senate));
    }
}
