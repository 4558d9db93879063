package org.clinicalsenate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.review.AdviceRequests.acceptedTrustRequest;
import static org.clinicalsenate.review.AdviceRequests.formedPanel;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.clinicalsenate.review.AdviceRequests.FormedPanel;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The panel's meetings: the panel checked again before each (membership-service's conflict check,
 * an HTTP stub of its contract), members barred until resolved, attendance, and the declarations
 * made at the start recorded in membership-service under the meeting's id.
 */
@QuarkusTest
class MeetingTest {

    private static final String EMPLOYED = "Employed by RHM (University Hospital Southampton), an organisation in scope";
    private static final String ADVISER = "Paid adviser to RN5 (Hampshire Hospitals), an organisation in scope";

    @Inject
    TestDatabase db;

    @Test
    void aMeetingChecksThePanelAgainAndBarsANewlyConflictedMemberUntilTheChairOverrides() {
        String senate = freshSenate();
        FormedPanel panel = formedPanel(senate);
        UUID chair = panel.members().get(0);
        UUID newlyConflicted = panel.members().get(1);
        MembershipStub.panelCheck(panel.members(), Map.of(newlyConflicted, List.of(EMPLOYED)));

        String meeting = as(Tokens.senateAdmin(senate)).body(meeting("panel-meeting", Instant.now()))
                .post(meetings(panel.id())).then().statusCode(201)
                .header("Location", containsString("/advice-requests/" + panel.id() + "/meetings/"))
                .body("status", equalTo("scheduled"))
                .body("participants", hasSize(5))
                .body("participants.find { it.memberId == '" + newlyConflicted + "' }.barred", equalTo(true))
                .body("participants.find { it.memberId == '" + newlyConflicted + "' }.clearance.reasons[0].message",
                        equalTo(EMPLOYED))
                .body("participants.find { it.memberId == '" + chair + "' }.barred", equalTo(false))
                .body("participants.find { it.memberId == '" + chair + "' }.attendance", equalTo("expected"))
                .extract().path("id");
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND type = ?"
                + " AND data ->> 'barred' = '1'", panel.id(), "review.meeting.scheduled")).isEqualTo(1);

        // barred: they cannot be recorded as attending
        as(Tokens.senateAdmin(senate)).body(Map.of("memberId", newlyConflicted.toString(), "attendance", "attended"))
                .post(meetings(panel.id()) + "/" + meeting + "/attendance").then().statusCode(409)
                .body("detail", containsString("barred from this meeting"))
                .body("errors[0].message", equalTo(EMPLOYED));
        // only the chair resolves a bar, in writing, and only for a member who is barred
        Map<String, Object> override = Map.of("overrides", List.of(Map.of("memberId", newlyConflicted.toString(),
                "justification", "The employment is in estates, outside the options under review")));
        as(Tokens.senateAdmin(senate)).body(override).post(meetings(panel.id()) + "/" + meeting + "/clearance").then()
                .statusCode(403);
        as(Tokens.senateChair(senate)).body(Map.of("overrides", List.of(Map.of("memberId", chair.toString(),
                "justification", "Not needed")))).post(meetings(panel.id()) + "/" + meeting + "/clearance").then()
                .statusCode(422).body("errors[0].field", equalTo("overrides"));
        as(Tokens.senateChair(senate)).body(override).post(meetings(panel.id()) + "/" + meeting + "/clearance").then()
                .statusCode(200)
                .body("participants.find { it.memberId == '" + newlyConflicted + "' }.barred", equalTo(false))
                .body("participants.find { it.memberId == '" + newlyConflicted + "' }.clearance.override.justification",
                        containsString("outside the options"));

        as(Tokens.senateAdmin(senate)).body(Map.of("memberId", newlyConflicted.toString(), "attendance", "attended"))
                .post(meetings(panel.id()) + "/" + meeting + "/attendance").then().statusCode(200)
                .body("status", equalTo("held"))
                .body("heldAt", notNullValue())
                .body("participants.find { it.memberId == '" + newlyConflicted + "' }.attendance", equalTo("attended"));
        // once held, its panel is no longer checked for it
        as(Tokens.senateAdmin(senate)).body(Map.of()).post(meetings(panel.id()) + "/" + meeting + "/clearance").then()
                .statusCode(409);
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND type IN (?, ?)", panel.id(),
                "review.meeting.panel-rechecked", "review.meeting.attendance-recorded")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = ?", panel.id(),
                "panel-rechecked")).isEqualTo(1);
    }

    @Test
    void anOverrideWhenTheMemberJoinedCoversTheSameReasonsOnlyAndALaterCheckThatClearsLiftsABar() {
        String senate = freshSenate();
        String id = acceptedTrustRequest(senate);
        AdviceRequests.agreeTerms(senate, id);
        UUID overridden = MembershipStub.member("wessex", "Dr Local", "nursing", "CONFLICTED", EMPLOYED);
        as(Tokens.senateChair(senate)).body(Map.of("memberId", overridden.toString(), "role", "member",
                "overrideJustification", "The only paediatric stroke nurse available"))
                .post("/advice-requests/" + id + "/panel/members").then().statusCode(201);
        List<UUID> members = new java.util.ArrayList<>(List.of(overridden));
        for (String role : List.of("chair", "member", "member", "member")) {
            UUID member = MembershipStub.member("london", "Dr " + role, "patient-public-voice", "CLEAR");
            as(Tokens.senateAdmin(senate)).body(Map.of("memberId", member.toString(), "role", role))
                    .post("/advice-requests/" + id + "/panel/members").then().statusCode(201);
            members.add(member);
        }
        as(Tokens.senateAdmin(senate)).post("/advice-requests/" + id + "/panel/formation").then().statusCode(200);

        // the same conflict as when they joined: the chair's override then still answers it
        MembershipStub.panelCheck(members, Map.of(overridden, List.of(EMPLOYED)));
        String meeting = as(Tokens.senateAdmin(senate)).body(meeting("interview", Instant.now().plus(7, ChronoUnit.DAYS)))
                .post(meetings(id)).then().statusCode(201)
                .body("participants.find { it.memberId == '" + overridden + "' }.barred", equalTo(false))
                .body("participants.find { it.memberId == '" + overridden + "' }.clearance.override.justification",
                        equalTo("The only paediatric stroke nurse available"))
                .extract().path("id");
        // a new interest since: barred
        MembershipStub.panelCheck(members, Map.of(overridden, List.of(EMPLOYED, ADVISER)));
        as(Tokens.senateAdmin(senate)).body(Map.of()).post(meetings(id) + "/" + meeting + "/clearance").then()
                .statusCode(200)
                .body("participants.find { it.memberId == '" + overridden + "' }.barred", equalTo(true))
                .body("participants.find { it.memberId == '" + overridden + "' }.clearance.reasons.message",
                        contains(EMPLOYED, ADVISER));
        // the interests ended: a check that clears them lifts the bar
        MembershipStub.panelCheck(members, Map.of());
        as(Tokens.senateAdmin(senate)).body(Map.of()).post(meetings(id) + "/" + meeting + "/clearance").then()
                .statusCode(200)
                .body("participants.find { it.memberId == '" + overridden + "' }.barred", equalTo(false))
                .body("participants.find { it.memberId == '" + overridden + "' }.clearance.outcome", equalTo("CLEAR"));
    }

    @Test
    void declarationsAtTheStartAreRecordedInMembershipUnderTheMeetingsIdAndOnce() {
        String senate = freshSenate();
        FormedPanel panel = formedPanel(senate);
        UUID member = panel.members().get(2);
        MembershipStub.panelCheck(panel.members(), Map.of());
        String meeting = as(Tokens.senateAdmin(senate)).body(meeting("interview", Instant.now())).post(meetings(panel.id()))
                .then().statusCode(201).extract().path("id");
        Map<String, Object> declaration = Map.of("memberId", member.toString(),
                "interest", "Honorary contract with Hampshire Hospitals, ended 2025", "action", "left-room-for-item",
                "agendaItem", "2. Options appraisal");

        String recorded = as(Tokens.senateChair(senate)).body(declaration)
                .post(meetings(panel.id()) + "/" + meeting + "/declarations").then().statusCode(201)
                .body("memberId", equalTo(member.toString()))
                .body("interest", equalTo("Honorary contract with Hampshire Hospitals, ended 2025"))
                .body("recordedBy", equalTo("review-service"))
                .extract().path("id");
        List<LoggedRequest> sent = MembershipStub.declarationsAt(meeting);
        assertThat(sent).singleElement().satisfies(request -> {
            assertThat(request.getBodyAsString()).contains("\"meetingKind\":\"panel-meeting\"")
                    .contains("\"senate\":\"" + senate + "\"").contains("\"agendaItem\":\"2. Options appraisal\"");
            assertThat(request.getHeader("Idempotency-Key")).isEqualTo(recorded);
        });
        // sent again (a retry): the same record, once
        as(Tokens.senateChair(senate)).body(declaration).post(meetings(panel.id()) + "/" + meeting + "/declarations")
                .then().statusCode(201).body("id", equalTo(recorded));
        as(Tokens.requester("QRL")).get(meetings(panel.id()) + "/" + meeting).then().statusCode(200)
                .body("declarations.id", contains(recorded))
                .body("declarations[0].agendaItem", equalTo("2. Options appraisal"));
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND type = ?", panel.id(),
                "review.meeting.declaration-recorded")).isEqualTo(1);

        // an item not on the agenda, someone not on the panel
        Map<String, Object> offAgenda = new HashMap<>(declaration);
        offAgenda.put("agendaItem", "9. Any other business");
        as(Tokens.senateAdmin(senate)).body(offAgenda).post(meetings(panel.id()) + "/" + meeting + "/declarations")
                .then().statusCode(422).body("errors[0].field", equalTo("agendaItem"));
        Map<String, Object> stranger = new HashMap<>(declaration);
        stranger.put("memberId", UUID.randomUUID().toString());
        as(Tokens.senateAdmin(senate)).body(stranger).post(meetings(panel.id()) + "/" + meeting + "/declarations")
                .then().statusCode(422).body("errors[0].field", equalTo("memberId"));

        // while membership-service cannot record it: 503, and nothing recorded here
        MembershipStub.declarationsDown(panel.members().get(3));
        Map<String, Object> whileDown = new HashMap<>(declaration);
        whileDown.put("memberId", panel.members().get(3).toString());
        as(Tokens.senateAdmin(senate)).body(whileDown).post(meetings(panel.id()) + "/" + meeting + "/declarations")
                .then().statusCode(503).header("Retry-After", equalTo("1"));
        assertThat(db.count("SELECT count(*) FROM meeting_declaration WHERE meeting_id = ?::uuid", meeting))
                .isEqualTo(1);
    }

    @Test
    void meetingsAreForAFormedPanelOnTheirDayAndForThoseWhoRunOrSitOnTheReview() {
        String senate = freshSenate();
        String drawing = acceptedTrustRequest(senate);
        as(Tokens.senateAdmin(senate)).body(meeting("panel-meeting", Instant.now())).post(meetings(drawing)).then()
                .statusCode(409).body("allowed", contains("terms-agreed", "withdrawn"));

        FormedPanel panel = formedPanel(senate);
        UUID member = panel.members().get(1);
        MembershipStub.panelCheck(panel.members(), Map.of());
        Map<String, Object> siteVisit = meeting("site-visit", Instant.now());
        siteVisit.remove("siteOdsCode");
        as(Tokens.senateAdmin(senate)).body(siteVisit).post(meetings(panel.id())).then().statusCode(422)
                .body("errors[0].field", equalTo("siteOdsCode"));
        Map<String, Object> repeated = meeting("panel-meeting", Instant.now());
        repeated.put("agenda", List.of("1. Declarations", "1. Declarations"));
        as(Tokens.senateAdmin(senate)).body(repeated).post(meetings(panel.id())).then().statusCode(422)
                .body("errors[0].field", equalTo("agenda"));
        org.clinicalsenate.testing.Api.invalid(as(Tokens.senateAdmin(senate))).body(meeting("board-meeting", Instant.now()))
                .post(meetings(panel.id())).then().statusCode(400);
        as(Tokens.requester("QRL")).body(meeting("panel-meeting", Instant.now())).post(meetings(panel.id())).then()
                .statusCode(403);
        as(Tokens.senateAdmin("elsewhere")).body(meeting("panel-meeting", Instant.now())).post(meetings(panel.id()))
                .then().statusCode(404);

        String nextWeek = as(Tokens.senateAdmin(senate)).body(meeting("site-visit", Instant.now().plus(7, ChronoUnit.DAYS)))
                .post(meetings(panel.id())).then().statusCode(201).body("siteOdsCode", equalTo("RN5"))
                .body("heldAt", nullValue()).extract().path("id");
        String attendance = meetings(panel.id()) + "/" + nextWeek + "/attendance";
        // before its day: apologies, but nobody attends or declares yet
        as(Tokens.member(member.toString())).body(Map.of("memberId", member.toString(), "attendance", "apologies"))
                .post(attendance).then().statusCode(200)
                .body("participants.find { it.memberId == '" + member + "' }.attendance", equalTo("apologies"));
        as(Tokens.senateAdmin(senate)).body(Map.of("memberId", member.toString(), "attendance", "attended"))
                .post(attendance).then().statusCode(409).body("detail", containsString("before the meeting's day"));
        as(Tokens.senateAdmin(senate)).body(Map.of("memberId", member.toString(), "interest", "x", "action", "none"))
                .post(meetings(panel.id()) + "/" + nextWeek + "/declarations").then().statusCode(409);
        // a member records their own attendance only
        as(Tokens.member(member.toString())).body(Map.of("memberId", panel.members().get(2).toString(),
                "attendance", "apologies")).post(attendance).then().statusCode(403);

        // readers: the sponsor, the members of the panel, the senate; not others
        as(Tokens.requester("QRL")).get(meetings(panel.id())).then().statusCode(200).body("items", hasSize(1));
        as(Tokens.member(member.toString())).get(meetings(panel.id()) + "/" + nextWeek).then().statusCode(200);
        as(Tokens.member(UUID.randomUUID().toString())).get(meetings(panel.id())).then().statusCode(404);
        as(Tokens.requester("RYY")).get(meetings(panel.id())).then().statusCode(404);
        as(Tokens.assuranceViewer()).get(meetings(panel.id())).then().statusCode(403);
        as(Tokens.senateAdmin(senate)).get(meetings(panel.id()) + "/" + UUID.randomUUID()).then().statusCode(404);
        as(Tokens.senateAdmin(senate)).body(Map.of()).post(meetings(panel.id()) + "/" + UUID.randomUUID() + "/clearance")
                .then().statusCode(404);
    }

    @Test
    void nothingIsScheduledWhileMembershipCannotCheckThePanel() {
        String senate = freshSenate();
        FormedPanel panel = formedPanel(senate);
        MembershipStub.checksDown(panel.members().get(4));
        as(Tokens.senateAdmin(senate)).body(meeting("panel-meeting", Instant.now())).post(meetings(panel.id())).then()
                .statusCode(503).header("Retry-After", equalTo("1"))
                .body("detail", containsString("membership-service cannot answer"));
        assertThat(db.count("SELECT count(*) FROM meeting WHERE advice_request_id = ?::uuid", panel.id())).isZero();
    }

    private static String meetings(String id) {
        return "/advice-requests/" + id + "/meetings";
    }

    private static Map<String, Object> meeting(String kind, Instant startsAt) {
        Map<String, Object> meeting = new HashMap<>();
        meeting.put("kind", kind);
        meeting.put("startsAt", startsAt.truncatedTo(ChronoUnit.SECONDS).toString());
        meeting.put("place", "Royal Hampshire County Hospital, Winchester");
        meeting.put("siteOdsCode", "RN5");
        meeting.put("agenda", List.of("1. Declarations of interest", "2. Options appraisal"));
        return meeting;
    }
}
