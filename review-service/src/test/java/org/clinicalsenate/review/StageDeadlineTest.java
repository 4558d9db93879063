package org.clinicalsenate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.review.AdviceRequests.body;
import static org.clinicalsenate.review.AdviceRequests.freshOrganisation;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.review.AdviceRequests.reportDraft;
import static org.clinicalsenate.review.AdviceRequests.reviewedPanel;
import static org.clinicalsenate.review.AdviceRequests.submit;
import static org.clinicalsenate.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.clinicalsenate.review.AdviceRequests.FormedPanel;
import org.clinicalsenate.review.service.StageDeadlineService;
import org.clinicalsenate.testing.MovableClock;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every open request's stage has a due date (the factual-accuracy check's, the terms of reference's
 * or the senate's working days) and a grace period; overdue stages are listed per senate and
 * reported once each by the scheduled check (run here by the test, with the clock moved).
 */
@QuarkusTest
class StageDeadlineTest {

    /** A Thursday before Christmas: 10 working days skip Christmas, Boxing Day (the 28th) and New Year's Day. */
    private static final LocalDate BEFORE_CHRISTMAS = LocalDate.of(2026, 12, 17);

    @Inject
    MovableClock clock;

    @Inject
    StageDeadlineService deadlines;

    @Inject
    TestDatabase db;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aStageIsDueAfterTheSenatesWorkingDaysAndAnOverdueOneIsReportedOnce() {
        String senate = freshSenate();
        clock.setToday(BEFORE_CHRISTMAS);
        String id = submit(Tokens.platformAdmin(), body(senate, freshOrganisation(), "Awaiting triage"));
        String list = "/stage-deadlines?senate=" + senate;

        as(Tokens.senateAdmin(senate)).get(list).then().statusCode(200)
                .body("items.adviceRequestId", contains(id))
                .body("items[0].stage", equalTo("received"))
                .body("items[0].dueOn", equalTo("2027-01-05"))
                .body("items[0].dueFrom", equalTo("senate-default"))
                .body("items[0].graceUntil", equalTo("2027-01-12"))
                .body("items[0].overdue", equalTo(false));
        as(Tokens.senateAdmin(senate)).get(list + "&overdue=true").then().statusCode(200).body("items", empty());
        deadlines.reportOverdue(LocalDate.of(2027, 1, 5));
        assertThat(overdueEvents(id)).isZero();

        clock.setToday(LocalDate.of(2027, 1, 6));
        as(Tokens.assuranceViewer()).get(list + "&overdue=true").then().statusCode(200)
                .body("items.adviceRequestId", contains(id)).body("items[0].overdue", equalTo(true));
        deadlines.reportOverdue(LocalDate.of(2027, 1, 6));
        deadlines.reportOverdue(LocalDate.of(2027, 1, 7));
        assertThat(overdueEvents(id)).isEqualTo(1);

        // triaged: a new stage, due from today
        as(Tokens.senateAdmin(senate)).body(Map.of("decision", "accept", "lead",
                MembershipStub.memberOf(senate).toString())).post("/advice-requests/" + id + "/triage").then()
                .statusCode(200);
        as(Tokens.senateAdmin(senate)).get(list).then().statusCode(200)
                .body("items[0].stage", equalTo("accepted")).body("items[0].overdue", equalTo(false));
        as(Tokens.senateAdmin(senate)).get(list + "&overdue=true").then().body("items", empty());
    }

    @Test
    void theFactualAccuracyCheckIsDueOnTheDateGivenToTheSponsor() {
        String senate = freshSenate();
        FormedPanel panel = reviewedPanel(senate);
        String report = "/advice-requests/" + panel.id() + "/report";
        as(Tokens.senateAdmin(senate)).body(reportDraft(1, "Draft")).post(report + "/versions").then().statusCode(201);
        LocalDate due = LocalDate.now(clock).plusDays(3);
        as(Tokens.senateAdmin(senate)).body(Map.of("dueOn", due.toString())).post(report + "/factual-accuracy-check")
                .then().statusCode(200);
        as(Tokens.senateChair(senate)).get("/stage-deadlines?senate=" + senate).then().statusCode(200)
                .body("items[0].stage", equalTo("factual-accuracy-check"))
                .body("items[0].dueOn", equalTo(due.toString()))
                .body("items[0].dueFrom", equalTo("factual-accuracy-check"));
    }

    @Test
    void theSenatesAdminsAndAssuranceFollowDeadlinesAndNobodyElse() {
        String senate = freshSenate();
        submit(Tokens.platformAdmin(), body(senate, freshOrganisation(), "Open"));
        as(Tokens.requester("QRL")).get("/stage-deadlines").then().statusCode(403);
        as(Tokens.member(java.util.UUID.randomUUID().toString())).get("/stage-deadlines").then().statusCode(403);
        as(Tokens.senateAdmin("another-senate")).get("/stage-deadlines?senate=" + senate).then().statusCode(403);
        as(Tokens.senateAdmin("another-senate")).get("/stage-deadlines").then().statusCode(200).body("items", empty());
        as(Tokens.platformAdmin()).get("/stage-deadlines?senate=" + senate).then().statusCode(200)
                .body("items.stage", contains("received"));
    }

    private long overdueEvents(String id) {
        return db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND type = ?", id,
                "review.stage.overdue");
    }
}
