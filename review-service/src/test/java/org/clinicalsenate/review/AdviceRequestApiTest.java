package org.clinicalsenate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.review.AdviceRequests.body;
import static org.clinicalsenate.review.AdviceRequests.freshOrganisation;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.review.AdviceRequests.listAllIds;
import static org.clinicalsenate.review.AdviceRequests.submit;
import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;
import static org.clinicalsenate.testing.Api.invalid;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class AdviceRequestApiTest {

    @Test
    void aRequesterSubmitsForItsOrganisationAndReadsItBack() {
        Map<String, Object> request = body("south-east", "QRL", "Reconfiguration of acute stroke services in Hampshire");
        ExtractableResponse<Response> created = as(Tokens.requester("QRL")).body(request).post("/advice-requests")
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("senate", equalTo("south-east"))
                .body("requestingOrganisation", equalTo("QRL"))
                .body("kind", equalTo("clinical-review"))
                .body("title", equalTo("Reconfiguration of acute stroke services in Hampshire"))
                .body("question", equalTo(request.get("question")))
                .body("status", equalTo("received"))
                .body("submittedBy", equalTo("requester-QRL"))
                .body("submittedAt", endsWith("Z"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/advice-requests/" + id);
        assertThat(created.<String>path("updatedAt")).isEqualTo(created.path("submittedAt"));

        Map<String, Object> read = as(Tokens.requester("QRL")).get("/advice-requests/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).extract().path("");
        assertThat(read).isEqualTo(created.path(""));
        // the Location is where the request can be read
        as(Tokens.platformAdmin()).get(created.header("Location")).then().statusCode(200).body("id", equalTo(id));

        as(Tokens.platformAdmin()).queryParam("entityType", "advice-request").queryParam("entityId", id)
                .get("/audit-entries").then().statusCode(200)
                .body("items.action", contains("created"))
                .body("items[0].actor", equalTo("requester-QRL"))
                .body("items[0].senate", equalTo("south-east"))
                .body("items[0].changes.status", equalTo("received"))
                .body("items[0].changes.requestingOrganisation", equalTo("QRL"));
    }

    @Test
    void theListIsNewestFirstAndPagesWithACursorAndLinkHeader() {
        String senate = freshSenate();
        List<String> submitted = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            submitted.add(submit(Tokens.platformAdmin(), body(senate, "QRL", "Request " + i)));
        }

        List<String> listed = new ArrayList<>();
        List<String> times = new ArrayList<>();
        ExtractableResponse<Response> page = as(Tokens.platformAdmin()).queryParam("senate", senate)
                .queryParam("limit", 2).get("/advice-requests").then().statusCode(200).extract();
        int pages = 1;
        while (true) {
            listed.addAll(page.path("items.id"));
            times.addAll(page.path("items.submittedAt"));
            String next = page.path("nextCursor");
            if (next == null) {
                assertThat(page.header("Link")).isNull();
                break;
            }
            String link = page.header("Link");
            assertThat(link).endsWith("; rel=\"next\"").contains("senate=" + senate).contains("limit=2")
                    .contains("cursor=" + next);
            // following the Link header gives the next page
            String nextUrl = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            page = as(Tokens.platformAdmin()).get(nextUrl).then().statusCode(200).extract();
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        List<String> newestFirst = new ArrayList<>(submitted);
        Collections.reverse(newestFirst);
        assertThat(listed).isEqualTo(newestFirst);
        assertThat(times.stream().map(OffsetDateTime::parse).toList())
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void theListFiltersBySenateAndStatus() {
        String senate = freshSenate();
        String otherSenate = freshSenate();
        String mine = submit(Tokens.platformAdmin(), body(senate, "QRL"));
        String other = submit(Tokens.platformAdmin(), body(otherSenate, "QRL"));

        assertThat(listAllIds(Tokens.platformAdmin(), Map.of("senate", senate))).containsExactly(mine);
        assertThat(listAllIds(Tokens.platformAdmin(), Map.of("senate", otherSenate))).containsExactly(other);
        assertThat(listAllIds(Tokens.platformAdmin(), Map.of("senate", senate, "status", "received")))
                .containsExactly(mine);
        assertThat(listAllIds(Tokens.platformAdmin(), Map.of("senate", senate, "status", "closed"))).isEmpty();
        assertThat(listAllIds(Tokens.platformAdmin(), Map.of("status", "received"))).contains(mine, other);
        assertThat(listAllIds(Tokens.platformAdmin(), Map.of())).contains(mine, other);
    }

    @Test
    void requestersSubmitAndSeeOnlyTheirOwnOrganisationsRequests() {
        String qrl = submit(Tokens.requester("QRL"), body("south-east", "QRL"));
        String qmf = submit(Tokens.requester("QMF"), body("london", "QMF"));

        as(Tokens.requester("QRL")).body(body("london", "QMF")).post("/advice-requests").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinical-senate:problem:forbidden"))
                .body("detail", equalTo("Your token does not allow submitting for organisation QMF"));

        as(Tokens.requester("QRL")).get("/advice-requests/" + qmf).then().statusCode(404)
                .body("detail", equalTo("No advice request with id " + qmf));
        as(Tokens.requester("QRL")).get("/advice-requests/" + qrl).then().statusCode(200);
        as(Tokens.requester("QRL")).get("/advice-requests").then().statusCode(200)
                .body("items.requestingOrganisation", everyItem(equalTo("QRL")));
        assertThat(listAllIds(Tokens.requester("QRL"), Map.of())).contains(qrl).doesNotContain(qmf);
        // asking for another senate does not widen the scope
        assertThat(listAllIds(Tokens.requester("QRL"), Map.of("senate", "london"))).doesNotContain(qmf);
        assertThat(listAllIds(Tokens.requester("QMF"), Map.of())).contains(qmf).doesNotContain(qrl);
        // a requester token without an organisation sees and submits nothing
        String noOrg = Tokens.of("requester-without-org", List.of("requester"), Map.of());
        assertThat(listAllIds(noOrg, Map.of())).isEmpty();
        as(noOrg).get("/advice-requests/" + qrl).then().statusCode(404);
        as(noOrg).body(body("south-east", "QRL")).post("/advice-requests").then().statusCode(403);
    }

    @Test
    void senateAdminsAndChairsWorkOnlyWithTheirSenates() {
        String london = submit(Tokens.senateAdmin("london"), body("london", "QMF"));
        String southEast = submit(Tokens.senateChair("south-east"), body("south-east", "QRL"));

        as(Tokens.senateAdmin("london")).body(body("south-east", "QRL")).post("/advice-requests").then()
                .statusCode(403).body("detail", equalTo("Your token does not give access to senate south-east"));
        as(Tokens.senateChair("london")).body(body("south-east", "QRL")).post("/advice-requests").then()
                .statusCode(403);

        as(Tokens.senateAdmin("london")).get("/advice-requests/" + london).then().statusCode(200);
        as(Tokens.senateAdmin("london")).get("/advice-requests/" + southEast).then().statusCode(404);
        as(Tokens.senateChair("south-east")).get("/advice-requests/" + london).then().statusCode(404);
        as(Tokens.senateAdmin("london")).get("/advice-requests").then().statusCode(200)
                .body("items.senate", everyItem(equalTo("london")));
        assertThat(listAllIds(Tokens.senateAdmin("london"), Map.of())).contains(london).doesNotContain(southEast);
        assertThat(listAllIds(Tokens.senateAdmin("london"), Map.of("senate", "south-east"))).isEmpty();
        assertThat(listAllIds(Tokens.senateAdmin("london", "south-east"), Map.of())).contains(london, southEast);

        // platform-admins see every senate's requests; assurance viewers read only their progress
        as(Tokens.platformAdmin()).get("/advice-requests/" + london).then().statusCode(200);
        as(Tokens.platformAdmin()).get("/advice-requests/" + southEast).then().statusCode(200);
        assertThat(listAllIds(Tokens.platformAdmin(), Map.of())).contains(london, southEast);
        as(Tokens.assuranceViewer()).get("/advice-requests/" + london).then().statusCode(403);

        // the audit log shows a senate-admin its senates' entries only
        as(Tokens.senateAdmin("london")).queryParam("entityType", "advice-request").queryParam("limit", 100)
                .get("/audit-entries").then().statusCode(200)
                .body("items.entityId", hasItem(london))
                .body("items.entityId", not(hasItem(southEast)))
                .body("items.senate", everyItem(equalTo("london")));
    }

    @Test
    void accessNeedsAValidTokenWithAnAllowedRole() {
        Map<String, Object> request = body("south-east", "QRL");
        anonymous().body(request).post("/advice-requests").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:clinical-senate:problem:unauthenticated"));
        anonymous().get("/advice-requests").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        as(Tokens.expired()).get("/advice-requests").then().statusCode(401);
        as(Tokens.assuranceViewer()).body(request).post("/advice-requests").then().statusCode(403)
                .contentType("application/problem+json");
        // a member lists the reviews whose panel they sit on: none here (a member_id that is no id sits on none)
        as(Tokens.member("m-1")).get("/advice-requests").then().statusCode(200).body("items", empty());
        as(Tokens.assuranceViewer()).get("/advice-requests").then().statusCode(403);
        as(Tokens.service("membership-service")).get("/advice-requests").then().statusCode(403);
        String id = submit(Tokens.platformAdmin(), request);
        anonymous().get("/advice-requests/" + id).then().statusCode(401);
        as(Tokens.member("m-1")).get("/advice-requests/" + id).then().statusCode(404);
        anonymous().get("/audit-entries").then().statusCode(401);
        as(Tokens.requester("QRL")).get("/audit-entries").then().statusCode(403);
        as(Tokens.assuranceViewer()).get("/audit-entries").then().statusCode(403);
    }

    @Test
    void badInputGetsProblemsNamingTheField() {
        String admin = Tokens.platformAdmin();
        Map<String, Object> missing = body("south-east", "QRL");
        missing.remove("title");
        invalid(as(admin)).body(missing).post("/advice-requests").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinical-senate:problem:validation"))
                .body("errors.field", contains("title"));

        invalid(as(admin)).body(with("kind", "second-opinion")).post("/advice-requests").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("early-advice"))
                .body("errors[0].message", containsString("proactive-review"));
        invalid(as(admin)).body(with("kind", 5)).post("/advice-requests").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        invalid(as(admin)).body(with("title", Map.of("text", "x"))).post("/advice-requests").then().statusCode(400)
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", equalTo("must be a valid string"));
        invalid(as(admin)).body(with("title", 123)).post("/advice-requests").then().statusCode(400)
                .body("errors[0].field", equalTo("title"));
        invalid(as(admin)).body(with("title", "x".repeat(201))).post("/advice-requests").then().statusCode(400)
                .body("errors.field", contains("title"));
        invalid(as(admin)).body(with("title", "")).post("/advice-requests").then().statusCode(400)
                .body("errors.field", contains("title"));
        invalid(as(admin)).body(with("requestingOrganisation", "qrl")).post("/advice-requests").then()
                .statusCode(400).body("errors.field", contains("requestingOrganisation"));
        invalid(as(admin)).body(with("senate", "South East")).post("/advice-requests").then().statusCode(400)
                .body("errors.field", contains("senate"));
        invalid(as(admin)).body("{\"senate\": \"south-east\", ").post("/advice-requests").then().statusCode(400)
                .body("type", equalTo("urn:clinical-senate:problem:malformed-json"));
        invalid(as(admin)).body("").post("/advice-requests").then().statusCode(400)
                .contentType("application/problem+json");
        invalid(as(admin)).header("Idempotency-Key", "k".repeat(256)).body(body("south-east", "QRL"))
                .post("/advice-requests").then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));

        invalid(as(admin)).get("/advice-requests/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinical-senate:problem:validation"));
        as(admin).get("/advice-requests/00000000-0000-4000-8000-000000000000").then().statusCode(404)
                .body("type", equalTo("urn:clinical-senate:problem:not-found"));

        as(admin).queryParam("cursor", "bm90LWEtY3Vyc29y!").get("/advice-requests").then().statusCode(400)
                .body("type", equalTo("urn:clinical-senate:problem:invalid-cursor"));
        // a cursor is signed: changed, or made for other filters or another list, it is refused (never a wrong page)
        String senate = freshSenate();
        submit(admin, body(senate, "QRL"));
        submit(admin, body(senate, "QRL"));
        String cursor = as(admin).queryParam("senate", senate).queryParam("limit", 1).get("/advice-requests").then()
                .statusCode(200).extract().path("nextCursor");
        as(admin).queryParam("senate", senate).queryParam("cursor", cursor).get("/advice-requests").then()
                .statusCode(200).body("items.size()", equalTo(1));
        String payload = cursor.substring(0, cursor.indexOf('.'));
        char changed = payload.charAt(3) == 'A' ? 'B' : 'A';
        String tampered = payload.substring(0, 3) + changed + cursor.substring(4);
        for (String foreign : List.of(tampered, cursor.substring(0, cursor.indexOf('.')), cursor + "x")) {
            as(admin).queryParam("senate", senate).queryParam("cursor", foreign).get("/advice-requests").then()
                    .statusCode(400).body("type", equalTo("urn:clinical-senate:problem:invalid-cursor"));
        }
        as(admin).queryParam("senate", senate).queryParam("status", "received").queryParam("cursor", cursor)
                .get("/advice-requests").then().statusCode(400)
                .body("type", equalTo("urn:clinical-senate:problem:invalid-cursor"));
        as(admin).queryParam("cursor", cursor).get("/audit-entries").then().statusCode(400)
                .body("type", equalTo("urn:clinical-senate:problem:invalid-cursor"));
        invalid(as(admin)).queryParam("limit", 0).get("/advice-requests").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        invalid(as(admin)).queryParam("limit", 101).get("/advice-requests").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        invalid(as(admin)).queryParam("limit", "lots").get("/advice-requests").then().statusCode(400);
        // statuses are an open list in the contract: the server refuses one it does not know, listing those it does
        as(admin).queryParam("status", "pending").get("/advice-requests").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("must be one of [received, accepted, declined"));
        invalid(as(admin)).queryParam("senate", "South East").get("/advice-requests").then().statusCode(400)
                .body("errors[0].field", equalTo("senate"));
    }

    @Test
    void aListThatFitsOnOnePageHasNoNextCursorNorLink() {
        String senate = freshSenate();
        String organisation = freshOrganisation();
        String id = submit(Tokens.platformAdmin(), body(senate, organisation));
        as(Tokens.platformAdmin()).queryParam("senate", senate).get("/advice-requests").then().statusCode(200)
                .header("Link", nullValue())
                .body("items.id", contains(id))
                .body("items[0].requestingOrganisation", equalTo(organisation))
                .body("nextCursor", nullValue());
        as(Tokens.platformAdmin()).queryParam("senate", freshSenate()).get("/advice-requests").then()
                .statusCode(200).header("Link", nullValue()).body("items", empty());
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> request = new HashMap<>(body("south-east", "QRL"));
        request.put(field, value);
        return request;
    }
}
