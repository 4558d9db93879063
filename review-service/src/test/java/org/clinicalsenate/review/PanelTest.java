package org.clinicalsenate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.review.AdviceRequests.acceptedTrustRequest;
import static org.clinicalsenate.review.AdviceRequests.agreeTerms;
import static org.clinicalsenate.review.AdviceRequests.body;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.review.AdviceRequests.submit;
import static org.clinicalsenate.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The Expert Review Panel: each addition cleared by membership-service's conflict check (an HTTP
 * stub of its contract, {@link MembershipStub}), a chair's written override, invitations, and the
 * rules for forming the panel.
 */
@QuarkusTest
class PanelTest {

    @Inject
    TestDatabase db;

    @Test
    void aClearedMemberIsAddedAndTheCheckAskedForTheRequestsOrganisationsAndArea() {
        String senate = freshSenate();
        String id = acceptedTrustRequest(senate);
        UUID reviewer = MembershipStub.member("london", "Dr Amira Khan", "medicine", "CLEAR");

        as(Tokens.senateAdmin(senate)).body(Map.of("memberId", reviewer.toString(), "role", "chair"))
                .post(panel(id) + "/members").then().statusCode(201)
                .body("name", equalTo("Dr Amira Khan"))
                .body("senate", equalTo("london"))
                .body("role", equalTo("chair"))
                .body("invitation", equalTo("invited"))
                .body("clearance.outcome", equalTo("CLEAR"))
                .body("clearance.override", nullValue());
        assertThat(MembershipStub.checksOf(reviewer)).singleElement().satisfies(check -> assertThat(check)
                .contains("\"organisations\":[\"RHM\",\"RN5\"]").contains("\"area\":[\"QRL\"]"));
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND type = ?", id,
                "review.panel.member-added")).isEqualTo(1);
        // the same member twice is refused
        as(Tokens.senateAdmin(senate)).body(Map.of("memberId", reviewer.toString(), "role", "member"))
                .post(panel(id) + "/members").then().statusCode(409).body("detail", containsString("already on the panel"));
    }

    @Test
    void aConflictedMemberIsRefusedWithTheReasonsUnlessTheChairOverridesInWriting() {
        String senate = freshSenate();
        String id = acceptedTrustRequest(senate);
        UUID conflicted = MembershipStub.member("wessex", "Dr Local", "nursing", "CONFLICTED",
                "Employed by RHM (University Hospital Southampton), an organisation in scope");

        as(Tokens.senateAdmin(senate)).body(Map.of("memberId", conflicted.toString(), "role", "member"))
                .post(panel(id) + "/members").then().statusCode(409)
                .body("detail", containsString("Dr Local is CONFLICTED"))
                .body("errors[0].message", equalTo("Employed by RHM (University Hospital Southampton), an organisation in scope"));
        // an admin may not override; the chair may, in writing
        Map<String, Object> override = Map.of("memberId", conflicted.toString(), "role", "member",
                "overrideJustification", "The only paediatric stroke nurse available; excluded from the RHM site visit");
        as(Tokens.senateAdmin(senate)).body(override).post(panel(id) + "/members").then().statusCode(403);
        as(Tokens.senateChair(senate)).body(override).post(panel(id) + "/members").then().statusCode(201)
                .body("clearance.outcome", equalTo("CONFLICTED"))
                .body("clearance.reasons[0].message", containsString("an organisation in scope"))
                .body("clearance.override.justification", containsString("paediatric stroke nurse"))
                .body("clearance.override.by", equalTo("chair-of-" + senate));
        // shown wherever the panel is, and audited
        as(Tokens.requester("RHM")).get(panel(id)).then().statusCode(200)
                .body("members[0].clearance.override.justification", containsString("paediatric stroke nurse"));
        as(Tokens.platformAdmin()).queryParam("entityType", "panel-member").queryParam("entityId", id)
                .get("/audit-entries").then().statusCode(200)
                .body("items[0].changes.overrideJustification", containsString("paediatric stroke nurse"));

        UUID clear = MembershipStub.member("london", "Dr Clear", "medicine", "CLEAR");
        as(Tokens.senateChair(senate)).body(Map.of("memberId", clear.toString(), "role", "member",
                "overrideJustification", "Just in case")).post(panel(id) + "/members").then().statusCode(422)
                .body("errors[0].field", equalTo("overrideJustification"));
        UUID undeclared = MembershipStub.member("london", "Dr Undeclared", "medicine", "UNDECLARED",
                "Made no declaration in the london 2026 round");
        as(Tokens.senateAdmin(senate)).body(Map.of("memberId", undeclared.toString(), "role", "member"))
                .post(panel(id) + "/members").then().statusCode(409).body("detail", containsString("UNDECLARED"));
    }

    @Test
    void theInvitedMemberAnswersTheirOwnInvitation() {
        String senate = freshSenate();
        String id = acceptedTrustRequest(senate);
        UUID reviewer = add(senate, id, "Dr Invited", "medicine", "member");
        String path = panel(id) + "/members/" + reviewer + "/response";
        as(Tokens.member(UUID.randomUUID().toString())).body(Map.of("accept", true)).post(path).then().statusCode(403);
        as(Tokens.senateAdmin(senate)).body(Map.of("accept", true)).post(path).then().statusCode(403);
        as(Tokens.member(reviewer.toString())).body(Map.of("accept", true)).post(path).then().statusCode(200)
                .body("invitation", equalTo("accepted"));
        // the member reads the panel they are on; another member does not see it
        as(Tokens.member(reviewer.toString())).get(panel(id)).then().statusCode(200)
                .body("members.invitation", contains("accepted"));
        as(Tokens.member(UUID.randomUUID().toString())).get(panel(id)).then().statusCode(404);
    }

    @Test
    void thePanelIsFormedWithAChairEnoughMembersAndEveryoneClearedOnceTheTermsAreAgreed() {
        String senate = freshSenate();
        String id = acceptedTrustRequest(senate);
        add(senate, id, "Dr Chair", "medicine", "chair");
        as(Tokens.senateAdmin(senate)).body(Map.of("memberId",
                MembershipStub.member("london", "Dr Second Chair", "medicine", "CLEAR").toString(), "role", "chair"))
                .post(panel(id) + "/members").then().statusCode(409).body("detail", containsString("has a chair already"));
        as(Tokens.senateAdmin(senate)).get(panel(id)).then().statusCode(200)
                .body("formed", equalTo(false))
                .body("minimumSize", equalTo(5))
                .body("problems", contains("The panel has 1 member not declined; it needs at least 5"))
                .body("warnings", contains("No patient and public voice member"));
        // the terms are not agreed yet: the panel cannot be declared formed
        as(Tokens.senateAdmin(senate)).post(panel(id) + "/formation").then().statusCode(409)
                .body("allowed", contains("terms-agreed", "withdrawn"));
        agreeTerms(senate, id);
        as(Tokens.senateAdmin(senate)).post(panel(id) + "/formation").then().statusCode(409)
                .body("errors.message", hasItem("The panel has 1 member not declined; it needs at least 5"));

        for (int i = 1; i <= 3; i++) {
            add(senate, id, "Dr Member " + i, "medicine", "member");
        }
        UUID voice = add(senate, id, "Patient voice", "patient-public-voice", "member");
        as(Tokens.member(voice.toString())).body(Map.of("accept", false))
                .post(panel(id) + "/members/" + voice + "/response").then().statusCode(200);
        as(Tokens.senateAdmin(senate)).get(panel(id)).then().body("formed", equalTo(false))
                .body("warnings", contains("No patient and public voice member"));
        add(senate, id, "Another patient voice", "patient-public-voice", "member");

        as(Tokens.senateChair(senate)).post(panel(id) + "/formation").then().statusCode(200)
                .body("formed", equalTo(true)).body("problems", empty()).body("warnings", empty());
        as(Tokens.requester("RHM")).get("/advice-requests/" + id).then().body("status", equalTo("panel-formed"));
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND type = ?", id,
                "review.panel.formed")).isEqualTo(1);
        // answers cannot change once the panel is formed
        as(Tokens.member(voice.toString())).body(Map.of("accept", true))
                .post(panel(id) + "/members/" + voice + "/response").then().statusCode(409);

        // the first evidence for the formed panel: the request is gathering evidence
        Map<String, Object> item = Map.of("title", "Pre-consultation business case", "kind",
                "pre-consultation-business-case", "providedBy", "QRL", "providedOn",
                java.time.LocalDate.now(org.clinicalsenate.commons.time.Clocks.ENGLAND).toString(), "link",
                "https://documents.example.nhs.uk/pcbc.pdf", "sha256",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        as(Tokens.requester("QRL")).body(item).post("/advice-requests/" + id + "/evidence").then().statusCode(201);
        as(Tokens.requester("RHM")).get("/advice-requests/" + id).then().body("status", equalTo("evidence-gathering"));
    }

    @Test
    void onlyTheSenatesAdminsAndChairsDrawThePanelAndNothingIsAddedWhileMembershipIsDown() {
        String senate = freshSenate();
        String id = acceptedTrustRequest(senate);
        Map<String, Object> add = Map.of("memberId", MembershipStub.memberOf("london").toString(), "role", "member");
        as(Tokens.requester("RHM")).body(add).post(panel(id) + "/members").then().statusCode(403);
        as(Tokens.senateAdmin("elsewhere")).body(add).post(panel(id) + "/members").then().statusCode(404);
        as(Tokens.assuranceViewer()).get(panel(id)).then().statusCode(403);
        as(Tokens.senateAdmin(senate)).body(Map.of("memberId", UUID.randomUUID().toString(), "role", "member"))
                .post(panel(id) + "/members").then().statusCode(422).body("errors[0].field", equalTo("memberId"));

        // while membership-service is down: a 503 with Retry-After, and nothing added
        as(Tokens.senateAdmin(senate)).body(Map.of("memberId", MembershipStub.DOWN_MEMBER.toString(), "role", "member"))
                .post(panel(id) + "/members").then().statusCode(503).header("Retry-After", equalTo("1"))
                .body("detail", containsString("membership-service cannot answer"));

        String received = submit(Tokens.requester("QRL"), body(senate, "QRL"));
        as(Tokens.senateAdmin(senate)).body(add).post(panel(received) + "/members").then().statusCode(409)
                .body("allowed", contains("accepted", "declined", "redirected", "withdrawn"));
        assertThat(db.count("SELECT count(*) FROM panel_member WHERE advice_request_id IN (?::uuid, ?::uuid)", id,
                received)).isZero();
    }

    @Test
    void thePanelsMembersReadAndListTheReviewsTheySitOnAndNoOthers() {
        String senate = freshSenate();
        String id = acceptedTrustRequest(senate);
        UUID sitting = add(senate, id, "Dr Sitting", "medicine", "member");
        UUID declining = add(senate, id, "Dr Declining", "medicine", "member");
        as(Tokens.member(declining.toString())).body(Map.of("accept", false))
                .post(panel(id) + "/members/" + declining + "/response").then().statusCode(200);

        as(Tokens.member(sitting.toString())).get("/advice-requests/" + id).then().statusCode(200)
                .body("title", equalTo("Reconfiguration of acute stroke services"))
                .body("$", not(hasKey("requesterContact")));
        assertThat(AdviceRequests.listAllIds(Tokens.member(sitting.toString()), Map.of())).containsExactly(id);
        // a member who declined, or who is on no panel, does not learn it exists
        as(Tokens.member(declining.toString())).get("/advice-requests/" + id).then().statusCode(404);
        assertThat(AdviceRequests.listAllIds(Tokens.member(declining.toString()), Map.of())).isEmpty();
        as(Tokens.member(UUID.randomUUID().toString())).get("/advice-requests/" + id).then().statusCode(404);
        // the member_id claim counts only with the member role
        as(Tokens.of("requester-with-member-id", java.util.List.of("requester"), Map.of("org", "RYY", "member_id",
                sitting.toString()))).get("/advice-requests/" + id).then().statusCode(404);
    }

    private static String panel(String id) {
        return "/advice-requests/" + id + "/panel";
    }

    private static UUID add(String senate, String id, String name, String profession, String role) {
        UUID member = MembershipStub.member("london", name, profession, "CLEAR");
        as(Tokens.senateAdmin(senate)).body(Map.of("memberId", member.toString(), "role", role))
                .post(panel(id) + "/members").then().statusCode(201);
        return member;
    }
}
