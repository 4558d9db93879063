package org.clinicalsenate.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.membership.Declarations.declare;
import static org.clinicalsenate.membership.Declarations.financialInterest;
import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;
import static org.clinicalsenate.testing.Api.invalid;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class MeetingDeclarationApiTest {

    @Inject
    MembershipFixtures fixtures;
    String senate;
    UUID member;
    String meeting;

    @BeforeEach
    void aMemberAndAMeeting() {
        senate = fixtures.senate("meeting");
        member = fixtures.member(senate, "Meeting Member", "medicine", "RHM");
        meeting = "council-" + UUID.randomUUID();
    }

    private Map<String, Object> body(String interest) {
        Map<String, Object> body = new HashMap<>();
        body.put("meetingKind", "council-meeting");
        body.put("senate", senate);
        body.put("memberId", member.toString());
        body.put("interest", interest);
        body.put("action", "left-room-for-item");
        body.put("agendaItem", "5. Hampshire stroke reconfiguration");
        return body;
    }

    private String path() {
        return "/meetings/" + meeting + "/declarations";
    }

    @Test
    void anAdminRecordsADeclarationMadeAtAMeetingReferringToTheMembersDeclaration() {
        String declaration = declare(Tokens.member(member.toString()), member,
                financialInterest("RHM", LocalDate.now()));
        Map<String, Object> body = body("Advisory work for University Hospital Southampton");
        body.put("declarationId", declaration);

        ExtractableResponse<Response> recorded = as(Tokens.senateAdmin(senate)).header("Idempotency-Key", meeting)
                .body(body).post(path()).then().statusCode(201)
                .body("meetingRef", equalTo(meeting))
                .body("meetingKind", equalTo("council-meeting"))
                .body("senate", equalTo(senate))
                .body("memberId", equalTo(member.toString()))
                .body("declarationId", equalTo(declaration))
                .body("interest", equalTo("Advisory work for University Hospital Southampton"))
                .body("action", equalTo("left-room-for-item"))
                .body("agendaItem", equalTo("5. Hampshire stroke reconfiguration"))
                .body("recordedBy", equalTo("senate-admin-of-" + senate))
                .body("recordedAt", endsWith("Z"))
                .extract();
        String id = recorded.path("id");
        as(Tokens.senateAdmin(senate)).header("Idempotency-Key", meeting).body(body).post(path()).then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));

        Map<String, Object> listed = as(Tokens.senateChair(senate)).get(path()).then().statusCode(200)
                .body("items.id", contains(id)).extract().path("items[0]");
        assertThat(listed).isEqualTo(recorded.path(""));
        as(Tokens.member(member.toString())).get("/members/" + member + "/meeting-declarations").then().statusCode(200)
                .body("items.id", contains(id));

        as(Tokens.senateAdmin(senate)).queryParam("entityType", "meeting-declaration").queryParam("entityId", id)
                .get("/audit-entries").then().statusCode(200)
                .body("items.action", contains("recorded"))
                .body("items[0].senate", equalTo(senate))
                .body("items[0].changes.action", equalTo("left-room-for-item"));
    }

    @Test
    void reviewServiceRecordsPanelMeetingsWithoutADeclarationOnRecord() {
        Map<String, Object> body = body("Spouse works for the trust under review");
        body.put("meetingKind", "panel-meeting");
        body.put("action", "none");
        body.remove("agendaItem");
        as(Tokens.service("review-service")).body(body).post(path()).then().statusCode(201)
                .body("recordedBy", equalTo("review-service"))
                .body("declarationId", nullValue())
                .body("agendaItem", nullValue());
        as(Tokens.service("review-service")).get(path()).then().statusCode(200).body("items.action", contains("none"));
    }

    @Test
    void aMeetingsDeclarationsAreListedInTheOrderRecordedAndOnlyForTheCallersSenates() {
        String otherSenate = fixtures.senate("meeting-other");
        UUID otherMember = fixtures.member(otherSenate, "Other Senate Member", "nursing", null);
        List<String> ours = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ours.add(as(Tokens.senateAdmin(senate)).body(body("Interest " + i)).post(path()).then().statusCode(201)
                    .extract().path("id"));
        }
        Map<String, Object> theirs = body("Their interest");
        theirs.put("senate", otherSenate);
        theirs.put("memberId", otherMember.toString());
        String theirsId = as(Tokens.senateAdmin(otherSenate)).body(theirs).post(path()).then().statusCode(201)
                .extract().path("id");

        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            var spec = as(Tokens.senateAdmin(senate)).queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = spec.get(path()).then().statusCode(200).extract();
            listed.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(listed).containsExactlyElementsOf(ours);

        as(Tokens.senateAdmin(otherSenate)).get(path()).then().statusCode(200).body("items.id", contains(theirsId));
        List<String> all = new ArrayList<>(ours);
        all.add(theirsId);
        as(Tokens.platformAdmin()).get(path()).then().statusCode(200).body("items.id", contains(all.toArray()));
        as(Tokens.service("review-service")).get(path()).then().statusCode(200).body("items.id", contains(all.toArray()));
        as(Tokens.senateAdmin("london")).get(path()).then().statusCode(200).body("items", empty());
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndRecordsNothing() {
        String admin = Tokens.senateAdmin(senate);
        Map<String, Object> unknownMember = body("X");
        unknownMember.put("memberId", UUID.randomUUID().toString());
        as(admin).body(unknownMember).post(path()).then().statusCode(422).body("errors[0].field", equalTo("memberId"));

        UUID someoneElse = fixtures.member(senate, "Someone Else", "medicine", null);
        Map<String, Object> othersDeclaration = body("X");
        othersDeclaration.put("declarationId", declare(Tokens.member(someoneElse.toString()), someoneElse,
                financialInterest("RHM", LocalDate.now())));
        as(admin).body(othersDeclaration).post(path()).then().statusCode(422)
                .body("errors[0].field", equalTo("declarationId"))
                .body("detail", equalTo("declarationId is not one of the member's declarations"));
        Map<String, Object> unknownDeclaration = body("X");
        unknownDeclaration.put("declarationId", UUID.randomUUID().toString());
        as(admin).body(unknownDeclaration).post(path()).then().statusCode(422)
                .body("errors[0].field", equalTo("declarationId"));

        Map<String, Object> unknownSenate = body("X");
        unknownSenate.put("senate", "atlantis");
        as(Tokens.platformAdmin()).body(unknownSenate).post(path()).then().statusCode(422)
                .body("detail", equalTo("senate names an unknown senate 'atlantis'"));

        Map<String, Object> unknownAction = body("X");
        unknownAction.put("action", "shouted");
        invalid(as(admin)).body(unknownAction).post(path()).then().statusCode(400)
                .body("errors[0].field", equalTo("action"));
        Map<String, Object> noInterest = body("X");
        noInterest.remove("interest");
        invalid(as(admin)).body(noInterest).post(path()).then().statusCode(400)
                .body("errors[0].field", equalTo("interest"));
        invalid(as(admin)).body(body("X")).post("/meetings/-not a ref/declarations").then().statusCode(400);

        as(admin).get(path()).then().statusCode(200).body("items", empty());
        as(admin).get("/members/" + member + "/meeting-declarations").then().statusCode(200).body("items", empty());
    }

    @Test
    void accessRules() {
        as(Tokens.senateAdmin(senate)).body(body("Recorded")).post(path()).then().statusCode(201);
        String memberList = "/members/" + member + "/meeting-declarations";

        anonymous().body(body("X")).post(path()).then().statusCode(401);
        anonymous().get(path()).then().statusCode(401);
        anonymous().get(memberList).then().statusCode(401);
        for (String role : List.of(Tokens.member(member.toString()), Tokens.requester("RHM"), Tokens.assuranceViewer())) {
            as(role).body(body("X")).post(path()).then().statusCode(403);
            as(role).get(path()).then().statusCode(403);
        }
        as(Tokens.senateAdmin("london")).body(body("X")).post(path()).then().statusCode(403)
                .body("detail", equalTo("Your token does not give access to senate " + senate));
        // an admin records for their senates' members only: another senate's member is unknown to them
        UUID londoner = fixtures.member("london", "London Member", "medicine", "RJ1");
        Map<String, Object> outsider = body("Not mine to record");
        outsider.put("memberId", londoner.toString());
        as(Tokens.senateAdmin(senate)).body(outsider).post(path()).then().statusCode(422)
                .body("errors[0].field", equalTo("memberId"))
                .body("errors[0].message", equalTo("names no member known to you (" + londoner + ")"));
        as(Tokens.service("notification-service")).body(body("X")).post(path()).then().statusCode(403);
        as(Tokens.requester("RHM")).get(memberList).then().statusCode(403);
        as(Tokens.assuranceViewer()).get(memberList).then().statusCode(403);
        as(Tokens.service("review-service")).get(memberList).then().statusCode(403);
        UUID otherMember = fixtures.member(senate, "Another Member", "nursing", null);
        as(Tokens.member(otherMember.toString())).get(memberList).then().statusCode(404);
        as(Tokens.senateAdmin("london")).get(memberList).then().statusCode(404);
        for (String reader : List.of(Tokens.member(member.toString()), Tokens.senateAdmin(senate), Tokens.platformAdmin())) {
            as(reader).get(memberList).then().statusCode(200).body("items.interest", contains("Recorded"));
        }
        as(Tokens.platformAdmin()).get(path()).then().statusCode(200).body("items.interest", contains("Recorded"));
        // nothing refused was recorded
        as(Tokens.platformAdmin()).get("/members/" + londoner + "/meeting-declarations").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }
}
