package org.clinicalsenate.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.membership.MembershipRequests.member;
import static org.clinicalsenate.membership.MembershipRequests.profile;
import static org.clinicalsenate.membership.MembershipRequests.senate;
import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;
import static org.clinicalsenate.testing.Api.invalid;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class MemberApiTest {

    @Inject
    MembershipFixtures fixtures;

    /** A word no other test's member names contain, to search this test's members by name. */
    private static String unique() {
        return "x" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAdminAddsAMemberWhoseContactDetailsOnlyTheyAndTheirSenatesAdminsSee() {
        String name = "Dr Amara Okafor " + unique();
        Map<String, Object> body = profile("south-east", name, "medicine", "RHM");
        body.put("professionalTitle", "Consultant Stroke Physician");
        body.put("specialty", "Stroke medicine");
        body.put("registration", Map.of("body", "GMC", "number", "7012345"));
        var created = as(Tokens.senateAdmin("south-east")).body(body).post("/members").then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("senate", equalTo("south-east"))
                .body("registration.number", equalTo("7012345"))
                .body("employer.icb", equalTo("QRL"))
                .body("email", equalTo(body.get("email")))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/members/" + id);

        for (String reader : List.of(Tokens.member(id), Tokens.senateAdmin("south-east"), Tokens.senateChair("south-east"),
                Tokens.platformAdmin())) {
            as(reader).get("/members/" + id).then().statusCode(200)
                    .header("ETag", equalTo("\"0\""))
                    .body("name", equalTo(name))
                    .body("email", equalTo(body.get("email")));
        }
        // review-service reads profiles for its panels, never contact details
        as(Tokens.service("review-service")).get("/members/" + id).then().statusCode(200)
                .body("name", equalTo(name))
                .body("employer.odsCode", equalTo("RHM"))
                .body("email", nullValue());
    }

    @Test
    void noOneElseReadsAMember() {
        String id = member("south-east", "Peter Hughes " + unique(), "patient-public-voice", null);
        String other = member("south-east", "Someone Else " + unique(), "nursing", null);
        anonymous().get("/members/" + id).then().statusCode(401);
        as(Tokens.expired()).get("/members/" + id).then().statusCode(401);
        as(Tokens.requester("QRL")).get("/members/" + id).then().statusCode(403);
        as(Tokens.assuranceViewer()).get("/members/" + id).then().statusCode(403);
        // in role but out of scope: told the member does not exist
        as(Tokens.member(other)).get("/members/" + id).then().statusCode(404)
                .body("detail", equalTo("No member with id " + id));
        as(Tokens.senateAdmin("london")).get("/members/" + id).then().statusCode(404);
        as(Tokens.senateChair("london")).get("/members/" + id).then().statusCode(404);
        as(Tokens.platformAdmin()).get("/members/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void creatingIsAuditedWithoutTheEmailAndNeedsAnAdminOfTheMembersSenate() {
        String name = "Jo Patel " + unique();
        Map<String, Object> body = profile("south-east", name, "pharmacy", "RHM");
        as(Tokens.senateAdmin("london")).body(body).post("/members").then().statusCode(403)
                .body("detail", equalTo("Your token does not give access to senate south-east"));
        as(Tokens.member(UUID.randomUUID().toString())).body(body).post("/members").then().statusCode(403);
        as(Tokens.requester("QRL")).body(body).post("/members").then().statusCode(403);
        as(Tokens.assuranceViewer()).body(body).post("/members").then().statusCode(403);
        as(Tokens.service("review-service")).body(body).post("/members").then().statusCode(403);
        anonymous().body(body).post("/members").then().statusCode(401);
        as(Tokens.platformAdmin()).queryParam("name", name).get("/members").then().statusCode(200)
                .body("items", empty());

        String id = as(Tokens.senateChair("south-east")).body(body).post("/members").then().statusCode(201)
                .extract().path("id");
        var entry = as(Tokens.senateAdmin("south-east")).queryParam("entityType", "member").queryParam("entityId", id)
                .get("/audit-entries").then().statusCode(200)
                .body("items.action", contains("created"))
                .body("items[0].actor", equalTo("chair-of-south-east"))
                .body("items[0].senate", equalTo("south-east"))
                .body("items[0].changes.name", equalTo(name))
                .body("items[0].changes.profession", equalTo("pharmacy"))
                .extract();
        assertThat((Map<String, Object>) entry.path("items[0].changes")).doesNotContainKey("email");
        assertThat(entry.asString()).doesNotContain((String) body.get("email"));
    }

    @Test
    void theMemberUpdatesTheirProfileWithIfMatchAndTheAuditNamesOnlyWhatChanged() {
        String name = "Sam Reid " + unique();
        String id = member("south-east", name, "nursing", "RHM");
        Map<String, Object> update = new HashMap<>(profile("south-east", name, "nursing", "R1F"));
        update.remove("senate");
        update.put("specialty", "Critical care");
        update.put("email", "sam.reid.new@nhs.example");

        invalid(as(Tokens.member(id))).body(update).put("/members/" + id).then().statusCode(428)
                .body("type", equalTo("urn:clinical-senate:problem:if-match-required"));
        as(Tokens.member(id)).header("If-Match", "\"7\"").body(update).put("/members/" + id).then().statusCode(412);
        as(Tokens.member(UUID.randomUUID().toString())).header("If-Match", "\"0\"").body(update).put("/members/" + id)
                .then().statusCode(404);
        as(Tokens.senateAdmin("london")).header("If-Match", "\"0\"").body(update).put("/members/" + id)
                .then().statusCode(404);
        as(Tokens.service("review-service")).header("If-Match", "\"0\"").body(update).put("/members/" + id)
                .then().statusCode(403);

        as(Tokens.member(id)).header("If-Match", "\"0\"").body(update).put("/members/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("specialty", equalTo("Critical care"))
                .body("employer.odsCode", equalTo("R1F"))
                .body("email", equalTo("sam.reid.new@nhs.example"))
                .body("senate", equalTo("south-east"));
        // someone else's change since you read it is not overwritten
        as(Tokens.senateAdmin("south-east")).header("If-Match", "\"0\"").body(update).put("/members/" + id)
                .then().statusCode(412);

        var entries = as(Tokens.senateAdmin("south-east")).queryParam("entityType", "member").queryParam("entityId", id)
                .get("/audit-entries").then().statusCode(200)
                .body("items.action", contains("updated", "created"))
                .body("items[0].actor", equalTo("member-" + id))
                .extract();
        assertThat((Map<String, Object>) entries.path("items[0].changes")).containsOnly(
                Map.entry("specialty", "Critical care"), Map.entry("employerOdsCode", "R1F"),
                Map.entry("employerName", "Employer R1F"), Map.entry("email", "changed"));
        assertThat(entries.asString()).doesNotContain("sam.reid.new@nhs.example");

        // a PUT that changes nothing leaves the version and the log alone
        as(Tokens.senateAdmin("south-east")).header("If-Match", "\"1\"").body(update).put("/members/" + id).then()
                .statusCode(200).header("ETag", equalTo("\"1\""));
        as(Tokens.senateAdmin("south-east")).queryParam("entityId", id).get("/audit-entries").then()
                .body("items.action", contains("updated", "created"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstMemberBack() {
        String key = "create-" + UUID.randomUUID();
        Map<String, Object> body = profile("south-east", "Lee Chan " + unique(), "dentistry", null);
        String admin = Tokens.senateAdmin("south-east");
        String first = as(admin).header("Idempotency-Key", key).body(body).post("/members").then().statusCode(201)
                .extract().path("id");
        as(admin).header("Idempotency-Key", key).body(body).post("/members").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/members/" + first))
                .body("id", equalTo(first));
        Map<String, Object> other = new HashMap<>(body);
        other.put("name", "Somebody else");
        as(admin).header("Idempotency-Key", key).body(other).post("/members").then().statusCode(422)
                .body("type", equalTo("urn:clinical-senate:problem:idempotency-key-reused"));
        as(admin).queryParam("name", (String) body.get("name")).get("/members").then().body("items.id", contains(first));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndCreatesNothing() {
        String admin = Tokens.senateAdmin("south-east");
        String name = "Bad Input " + unique();
        Map<String, Object> unknownProfession = profile("south-east", name, "astrology", null);
        as(admin).body(unknownProfession).post("/members").then().statusCode(400)
                .body("errors[0].field", equalTo("profession"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("must be one of [medicine, nursing"));
        Map<String, Object> badEmail = profile("south-east", name, "medicine", null);
        badEmail.put("email", "not an email");
        invalid(as(admin)).body(badEmail).post("/members").then().statusCode(400)
                .body("errors.field", contains("email"));
        Map<String, Object> badOds = profile("south-east", name, "medicine", null);
        badOds.put("employer", Map.of("odsCode", "rhm!", "name", "Trust"));
        invalid(as(admin)).body(badOds).post("/members").then().statusCode(400)
                .body("errors.field", contains("employer.odsCode"));
        Map<String, Object> noName = profile("south-east", name, "medicine", null);
        noName.remove("name");
        invalid(as(admin)).body(noName).post("/members").then().statusCode(400)
                .body("errors.field", contains("name"));
        Map<String, Object> badRegistration = profile("south-east", name, "medicine", null);
        badRegistration.put("registration", Map.of("body", "G", "number", ""));
        invalid(as(admin)).body(badRegistration).post("/members").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("registration.body", "registration.number"));
        as(Tokens.platformAdmin()).body(profile("atlantis", name, "medicine", null)).post("/members").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("senate"))
                .body("detail", equalTo("senate names an unknown senate 'atlantis'"));
        as(Tokens.platformAdmin()).queryParam("name", name).get("/members").then().statusCode(200).body("items", empty());
        // professions are an open list in the contract: the server refuses those it does not know
        as(admin).queryParam("profession", "astrology").get("/members").then().statusCode(400)
                .body("errors[0].field", equalTo("profession"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("must be one of [medicine, nursing"));
        invalid(as(admin)).queryParam("organisation", "rhm").get("/members").then().statusCode(400)
                .body("errors[0].field", equalTo("organisation"));
        as(admin).queryParam("cursor", "bm90LWEtY3Vyc29y").get("/members").then().statusCode(400)
                .body("type", equalTo("urn:clinical-senate:problem:invalid-cursor"));
        invalid(as(admin)).get("/members/not-a-uuid").then().statusCode(400);
    }

    @Test
    void theListPagesInNameOrderWithACursorAndALinkToTheNextPage() {
        String word = unique();
        for (String first : List.of("Dawn", "alice", "Carol", "bob", "Erin")) {
            member("south-east", first + " " + word, "medicine", null);
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = as(Tokens.senateAdmin("south-east")).queryParam("name", word)
                    .queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/members").then().statusCode(200).extract();
            names.addAll(page.path("items.name"));
            cursor = page.path("nextCursor");
            if (cursor != null) {
                assertThat(page.header("Link")).contains("cursor=" + cursor).contains("rel=\"next\"");
            } else {
                assertThat(page.header("Link")).isNull();
            }
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactly("alice " + word, "bob " + word, "Carol " + word, "Dawn " + word, "Erin " + word);
    }

    @Test
    void eachFilterNarrowsTheList() {
        // senates of this test's own, so that its council appointments touch no one else's council
        String senate = senate("members", null);
        String otherSenate = senate("members", null);
        String word = unique();
        String medic = member(senate, "Medic " + word, "medicine", "RHM");
        String nurse = member(senate, "Nurse " + word, "nursing", "R1F");
        String chair = member(senate, "Chair " + word, "public-health", "RHM");
        String other = member(otherSenate, "Other " + word, "medicine", "RHM");
        LocalDate today = LocalDate.now();
        fixtures.appointment(UUID.fromString(medic), senate, "council", "member", today.minusYears(1), today.plusYears(1));
        fixtures.appointment(UUID.fromString(nurse), senate, "assembly", "member", today.minusYears(1), today.plusYears(1));
        fixtures.appointment(UUID.fromString(chair), senate, "council", "chair", today.minusYears(1), today.plusYears(1));
        // a past appointment is not a current one
        fixtures.appointment(UUID.fromString(nurse), senate, "council", "member", today.minusYears(4), today.minusYears(2));
        // nor is a nomination not yet approved
        MembershipRequests.nominate(other, "council", "member", today.toString(), today.plusYears(1).toString());
        String admin = Tokens.platformAdmin();

        as(admin).queryParam("name", word.toUpperCase()).get("/members").then()
                .body("items.id", contains(chair, medic, nurse, other));
        as(admin).queryParam("name", word).queryParam("senate", senate).get("/members").then()
                .body("items.id", contains(chair, medic, nurse));
        as(admin).queryParam("name", word).queryParam("profession", "medicine").get("/members").then()
                .body("items.id", contains(medic, other));
        as(admin).queryParam("name", word).queryParam("organisation", "RHM").get("/members").then()
                .body("items.id", contains(chair, medic, other));
        as(admin).queryParam("name", word).queryParam("body", "council").get("/members").then()
                .body("items.id", contains(chair, medic));
        as(admin).queryParam("name", word).queryParam("body", "council").queryParam("role", "member").get("/members")
                .then().body("items.id", contains(medic));
        as(admin).queryParam("name", word).queryParam("role", "member").get("/members").then()
                .body("items.id", contains(medic, nurse));
        as(admin).queryParam("name", "Nurse " + word).get("/members").then().body("items.id", contains(nurse));
    }

    @Test
    void nameSearchTakesWildcardsLiterally() {
        String word = unique();
        String percent = member("south-east", "Ann 100% " + word, "other", null);
        member("south-east", "Ann 1000 " + word, "other", null);
        as(Tokens.platformAdmin()).queryParam("name", "100% " + word).get("/members").then()
                .body("items.id", contains(percent));
        as(Tokens.platformAdmin()).queryParam("name", "_" + word).get("/members").then().body("items", empty());
    }

    @Test
    void senateAdminsListTheirSenatesWithEmailsAndServicesListAllWithout() {
        String word = unique();
        String southEast = member("south-east", "Southeast " + word, "medicine", null);
        String london = member("london", "Londoner " + word, "medicine", null);

        as(Tokens.senateAdmin("south-east")).queryParam("name", word).get("/members").then().statusCode(200)
                .body("items.id", contains(southEast))
                .body("items[0].email", notNullValue());
        as(Tokens.senateChair("london", "south-east")).queryParam("name", word).get("/members").then()
                .body("items.id", contains(london, southEast))
                .body("items.email", everyItem(notNullValue()));
        as(Tokens.senateAdmin("south-east")).queryParam("senate", "london").get("/members").then().statusCode(403)
                .body("detail", equalTo("Your token does not give access to senate london"));
        as(Tokens.service("review-service")).queryParam("name", word).get("/members").then().statusCode(200)
                .body("items.id", contains(london, southEast))
                .body("items.email", everyItem(nullValue()));
        as(Tokens.platformAdmin()).queryParam("name", word).get("/members").then()
                .body("items.email", everyItem(notNullValue()));
        as(Tokens.senateAdmin("wessex")).queryParam("name", word).get("/members").then().statusCode(200)
                .body("items.id", not(hasItem(southEast)));

        anonymous().get("/members").then().statusCode(401);
        as(Tokens.requester("QRL")).get("/members").then().statusCode(403);
        as(Tokens.assuranceViewer()).get("/members").then().statusCode(403);
        as(Tokens.member(southEast)).get("/members").then().statusCode(403);
    }
}
