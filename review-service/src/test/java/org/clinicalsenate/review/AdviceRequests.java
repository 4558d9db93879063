package org.clinicalsenate.review;

import static org.clinicalsenate.testing.Api.as;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.clinicalsenate.commons.time.Clocks;
import org.clinicalsenate.testing.Tokens;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Bodies and calls the advice request tests share. */
final class AdviceRequests {

    private AdviceRequests() {
    }

    /** A senate slug no other test uses, so that a test's lists hold only its own requests. */
    static String freshSenate() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An ODS-code-shaped organisation no other test uses. */
    static String freshOrganisation() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    }

    static Map<String, Object> body(String senate, String organisation) {
        return body(senate, organisation, "Reconfiguration of acute stroke services");
    }

    static Map<String, Object> body(String senate, String organisation, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("senate", senate);
        body.put("requestingOrganisation", organisation);
        body.put("kind", "clinical-review");
        body.put("title", title);
        body.put("question", "Is the proposed model of two hyper-acute stroke units clinically sound?");
        body.put("requestingOrganisationType", "icb");
        body.put("areaUnderReview", List.of("QRL"));
        body.put("organisationsInScope", List.of("RHM", "RN5"));
        body.put("proposalStage", "pre-consultation-business-case");
        body.put("neededBy", LocalDate.now(Clocks.ENGLAND).plusMonths(6).toString());
        body.put("requesterContact", Map.of("name", "Priya Shah", "email", "priya.shah@example.nhs.uk"));
        return body;
    }

    /** An edit of a request (what its submitter may change), with this kind, title and question. */
    static Map<String, Object> edit(String kind, String title, String question) {
        Map<String, Object> edit = body("unused", "UNUSED", title);
        edit.remove("senate");
        edit.remove("requestingOrganisation");
        edit.remove("requestingOrganisationType");
        edit.put("kind", kind);
        edit.put("question", question);
        return edit;
    }

    /**
     * A trust's clinical review (RHM, sponsored by QRL; RHM and RN5 in scope, QRL's area), submitted
     * and accepted by the senate; its id.
     */
    static String acceptedTrustRequest(String senate) {
        Map<String, Object> request = body(senate, "RHM");
        request.put("requestingOrganisationType", "provider-trust");
        request.put("sponsor", "QRL");
        String id = submit(Tokens.requester("RHM"), request);
        as(Tokens.senateAdmin(senate)).body(Map.of("decision", "accept", "lead",
                MembershipStub.memberOf(senate).toString())).post("/advice-requests/" + id + "/triage").then()
                .statusCode(200);
        return id;
    }

    /** Submits and returns the new request's id. */
    static String submit(String token, Map<String, Object> body) {
        return as(token).body(body).post("/advice-requests").then().statusCode(201).extract().path("id");
    }

    /** Every page of the list, following nextCursor; the ids in list order. */
    static List<String> listAllIds(String token, Map<String, ?> query) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var spec = as(token).queryParams(query).queryParam("limit", 100);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = spec.get("/advice-requests").then().statusCode(200).extract();
            ids.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    /** The request's terms drafted by the senate, agreed by the sponsor (QRL) and signed off by the chair. */
    static void agreeTerms(String senate, String id) {
        String terms = "/advice-requests/" + id + "/terms-of-reference";
        Map<String, Object> draft = new HashMap<>();
        draft.put("scope", "Stroke");
        draft.put("questions", List.of("Is it sound?"));
        draft.put("methods", List.of("panel-meeting"));
        draft.put("serviceChangeTests", List.of("test-3-clinical-evidence-base"));
        draft.put("bedsClose", false);
        draft.put("timeline", Map.of("panelDates", List.of()));
        String etag = as(Tokens.senateAdmin(senate)).body(draft).put(terms).then().statusCode(200).extract().header("ETag");
        String agreed = as(Tokens.requester("QRL")).header("If-Match", etag).post(terms + "/agreement").then()
                .statusCode(200).extract().header("ETag");
        as(Tokens.senateChair(senate)).header("If-Match", agreed).body(Map.of()).post(terms + "/sign-off").then().statusCode(200);
    }

    /**
     * An accepted request of trust RHM sponsored by QRL, its terms agreed, and its panel formed of
     * the members returned (a chair, three members, a patient and public voice member; all cleared).
     */
    static FormedPanel formedPanel(String senate) {
        String id = acceptedTrustRequest(senate);
        agreeTerms(senate, id);
        List<UUID> members = new ArrayList<>();
        String[][] seats = { { "Dr Chair", "medicine", "chair" }, { "Dr One", "medicine", "member" },
                { "Dr Two", "nursing", "member" }, { "Dr Three", "allied-health-professions", "member" },
                { "Patient voice", "patient-public-voice", "member" } };
        for (String[] seat : seats) {
            UUID member = MembershipStub.member("london", seat[0], seat[1], "CLEAR");
            as(Tokens.senateAdmin(senate)).body(Map.of("memberId", member.toString(), "role", seat[2]))
                    .post("/advice-requests/" + id + "/panel/members").then().statusCode(201);
            members.add(member);
        }
        as(Tokens.senateAdmin(senate)).post("/advice-requests/" + id + "/panel/formation").then().statusCode(200);
        return new FormedPanel(id, members);
    }

    /** A request with a formed panel: its id and its members (the chair first). */
    record FormedPanel(String id, List<UUID> members) {
    }

    /**
     * A formed panel that met (every member attended a panel meeting, at which the third member
     * declared an interest) and received evidence: the request is {@code evidence-gathering}, ready
     * for its report.
     */
    static FormedPanel reviewedPanel(String senate) {
        FormedPanel panel = formedPanel(senate);
        String base = "/advice-requests/" + panel.id();
        MembershipStub.panelCheck(panel.members(), Map.of());
        Map<String, Object> meeting = new HashMap<>();
        meeting.put("kind", "panel-meeting");
        meeting.put("startsAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        meeting.put("place", "Online (Microsoft Teams)");
        meeting.put("agenda", List.of("1. Declarations of interest", "2. Options appraisal"));
        String meetingId = as(Tokens.senateAdmin(senate)).body(meeting).post(base + "/meetings").then().statusCode(201)
                .extract().path("id");
        for (UUID member : panel.members()) {
            as(Tokens.senateAdmin(senate)).body(Map.of("memberId", member.toString(), "attendance", "attended"))
                    .post(base + "/meetings/" + meetingId + "/attendance").then().statusCode(200);
        }
        as(Tokens.senateChair(senate)).body(Map.of("memberId", panel.members().get(2).toString(),
                "interest", "Honorary contract with Hampshire Hospitals, ended 2025", "action", "left-room-for-item",
                "agendaItem", "2. Options appraisal"))
                .post(base + "/meetings/" + meetingId + "/declarations").then().statusCode(201);
        as(Tokens.requester("QRL")).body(Map.of("title", "Pre-consultation business case",
                "kind", "pre-consultation-business-case", "providedBy", "QRL",
                "providedOn", LocalDate.now(Clocks.ENGLAND).toString(),
                "link", "https://documents.example.nhs.uk/hiow/pcbc.pdf",
                "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))
                .post(base + "/evidence").then().statusCode(201);
        return panel;
    }

    /** A version of a report with {@code recommendations} recommendations and the Test 3 assessment. */
    static Map<String, Object> reportDraft(int recommendations, String summary) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("executiveSummary", summary);
        draft.put("background", "The ICB proposes to concentrate hyperacute stroke care in two units.");
        draft.put("method", "Desk review, a panel meeting and a site visit.");
        draft.put("findings", "The clinical case is sound; staffing the second unit at night is not yet assured.");
        List<Map<String, Object>> items = new ArrayList<>();
        String[] themes = { "workforce", "clinical-model", "patient-pathways", "digital" };
        for (int i = 0; i < recommendations; i++) {
            items.add(Map.of("text", "Recommendation " + (i + 1) + " of " + summary, "theme", themes[i % themes.length],
                    "priority", "high", "evidenceStrength", "moderate"));
        }
        draft.put("recommendations", items);
        draft.put("testAssessments", List.of(Map.of("test", "test-3-clinical-evidence-base", "assessment", "supported",
                "reasoning", "The model follows the national stroke service model.")));
        return draft;
    }

    /**
     * A reviewed request whose report (two recommendations, Test 3 supported) went through the
     * factual-accuracy check without comments, was endorsed, issued and published with the
     * sponsor's consent; {@code summary} is its executive summary.
     */
    static FormedPanel publishedReview(String senate, String summary) {
        FormedPanel panel = reviewedPanel(senate);
        String report = "/advice-requests/" + panel.id() + "/report";
        String chair = Tokens.senateChair(senate);
        as(chair).body(reportDraft(2, summary)).post(report + "/versions").then().statusCode(201);
        as(chair).body(Map.of()).post(report + "/factual-accuracy-check").then().statusCode(200);
        as(chair).body(Map.of("decision", "endorsed", "councilMeetingDate", LocalDate.now(Clocks.ENGLAND).toString()))
                .post(report + "/endorsement").then().statusCode(200);
        as(chair).body(Map.of()).post(report + "/issue").then().statusCode(200);
        as(Tokens.requester("QRL")).body(Map.of("decision", "given")).post(report + "/publication-consent").then()
                .statusCode(200);
        as(chair).post(report + "/publication").then().statusCode(200);
        return panel;
    }
}
