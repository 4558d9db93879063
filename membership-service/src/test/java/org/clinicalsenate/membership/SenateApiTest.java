package org.clinicalsenate.membership;

import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;
import static org.clinicalsenate.testing.Api.invalid;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SenateApiTest {

    @Test
    void seededSenatesAreListedPubliclyWithTheirHistory() {
        anonymous().get("/senates/north-west").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("activeFrom", equalTo("2021-04-01"))
                .body("predecessors", containsInAnyOrder("cheshire-and-merseyside", "greater-manchester"))
                .body("coveredIcbs", containsInAnyOrder("QYG", "QOP", "QE1"));
        // other tests add senates of their own: the seeded ones are checked by name
        anonymous().queryParam("active", true).queryParam("limit", 100).get("/senates").then().statusCode(200)
                .body("items.slug", hasItems("south-east", "london", "east-of-england", "east-midlands", "west-midlands",
                        "yorkshire-and-the-humber", "northern-england", "north-west", "south-west"))
                .body("items.slug", everyItem(not(oneOf("wessex", "thames-valley", "cheshire-and-merseyside",
                        "greater-manchester"))));
        anonymous().queryParam("active", false).queryParam("limit", 100).get("/senates").then().statusCode(200)
                .body("items.slug", hasItem("wessex"))
                .body("items.activeTo", everyItem(notNullValue()));
    }

    @Test
    void listPagesWithACursorInSlugOrder() {
        List<String> slugs = new ArrayList<>();
        String cursor = null;
        do {
            var spec = anonymous().queryParam("limit", 5);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/senates").then().statusCode(200).extract();
            slugs.addAll(page.path("items.slug"));
            cursor = page.path("nextCursor");
            if (cursor != null) {
                org.assertj.core.api.Assertions.assertThat(page.header("Link")).contains("rel=\"next\"");
            }
        } while (cursor != null);
        org.assertj.core.api.Assertions.assertThat(slugs).isSorted().doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(13);
    }

    @Test
    void platformAdminCreatesASenateAndItIsAudited() {
        Map<String, Object> body = Map.of("slug", "test-create", "name", "Test Senate", "region", "Test",
                "coveredIcbs", List.of("QRL"), "activeFrom", "2026-04-01", "predecessors", List.of("wessex"));
        as(Tokens.platformAdmin()).body(body).post("/senates").then().statusCode(201)
                .header("Location", endsWith("/senates/test-create")).header("ETag", equalTo("\"0\""))
                .body("slug", equalTo("test-create")).body("activeTo", nullValue());
        as(Tokens.platformAdmin()).queryParam("entityType", "senate").queryParam("entityId", "test-create")
                .get("/audit-entries").then().statusCode(200)
                .body("items.action", contains("created"))
                .body("items[0].actor", equalTo("platform-admin-1"));
        as(Tokens.platformAdmin()).body(body).post("/senates").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void updateNeedsIfMatchAndRejectsAStaleVersion() {
        String admin = Tokens.senateAdmin("london");
        var current = anonymous().get("/senates/london").then().extract();
        Map<String, Object> update = Map.of("name", "London Clinical Senate", "region", "London",
                "coveredIcbs", List.of("QMJ", "QMF", "QRV", "QKK", "QWE"), "activeFrom", "2013-04-01",
                "predecessors", List.of());
        invalid(as(admin)).body(update).put("/senates/london").then().statusCode(428)
                .body("type", equalTo("urn:clinical-senate:problem:if-match-required"));
        as(admin).header("If-Match", "\"999\"").body(update).put("/senates/london").then().statusCode(412);
        String etag = current.header("ETag");
        var changed = new java.util.HashMap<>(update);
        changed.put("region", "London region");
        String newTag = as(admin).header("If-Match", etag).body(changed).put("/senates/london").then().statusCode(200)
                .body("region", equalTo("London region")).extract().header("ETag");
        org.assertj.core.api.Assertions.assertThat(newTag).isNotEqualTo(etag);
        as(admin).header("If-Match", etag).body(update).put("/senates/london").then().statusCode(412);
    }

    @Test
    void aTokenThatFailsVerificationIsRefusedOnPublicEndpointsToo() {
        for (String bad : List.of(Tokens.forged(), Tokens.expired(), "not-a-jwt")) {
            as(bad).get("/senates").then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("type", equalTo("urn:clinical-senate:problem:unauthenticated"));
            as(bad).get("/senates/london").then().statusCode(401);
            as(bad).get("/senates/london/register").then().statusCode(401);
        }
        // without a token, or with a valid one, the public endpoints answer
        anonymous().get("/senates/london").then().statusCode(200);
        as(Tokens.requester("QRL")).get("/senates/london").then().statusCode(200);
    }

    @Test
    void accessRules() {
        Map<String, Object> update = Map.of("name", "X", "region", "X", "coveredIcbs", List.of(),
                "activeFrom", "2013-04-01", "predecessors", List.of());
        anonymous().header("If-Match", "\"0\"").body(update).put("/senates/wessex").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        as(Tokens.expired()).header("If-Match", "\"0\"").body(update).put("/senates/wessex").then().statusCode(401);
        as(Tokens.senateAdmin("london")).header("If-Match", "\"0\"").body(update).put("/senates/wessex").then()
                .statusCode(403).body("detail", equalTo("Your token does not give access to senate wessex"));
        as(Tokens.requester("QRL")).header("If-Match", "\"0\"").body(update).put("/senates/wessex").then()
                .statusCode(403);
        as(Tokens.senateAdmin("wessex")).body(Map.of("slug", "x-y", "name", "X", "region", "X",
                "coveredIcbs", List.of(), "activeFrom", "2013-04-01")).post("/senates").then().statusCode(403);
        anonymous().get("/audit-entries").then().statusCode(401);
        as(Tokens.requester("QRL")).get("/audit-entries").then().statusCode(403);
    }

    @Test
    void badInputGetsProblemsNamingTheField() {
        String admin = Tokens.platformAdmin();
        invalid(as(admin)).body(Map.of("slug", "bad-dates", "name", "", "region", "X", "coveredIcbs", List.of("qrl"),
                "activeFrom", "2013-04-01")).post("/senates").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("coveredIcbs[]", "name"));
        as(admin).body(Map.of("slug", "bad-period", "name", "X", "region", "X", "coveredIcbs", List.of(),
                "activeFrom", "2020-01-01", "activeTo", "2019-01-01")).post("/senates").then().statusCode(422)
                .body("errors[0].field", equalTo("activeTo"));
        as(admin).body(Map.of("slug", "bad-pred", "name", "X", "region", "X", "coveredIcbs", List.of(),
                "activeFrom", "2020-01-01", "predecessors", List.of("atlantis"))).post("/senates").then()
                .statusCode(422).body("detail", equalTo("predecessors names an unknown senate 'atlantis'"));
        invalid(as(admin)).body("{\"slug\": \"x\", ").post("/senates").then().statusCode(400)
                .body("type", equalTo("urn:clinical-senate:problem:malformed-json"));
        invalid(as(admin)).body(Map.of("slug", "bad-date", "name", "X", "region", "X", "coveredIcbs", List.of(),
                "activeFrom", "1st April")).post("/senates").then().statusCode(400)
                .body("errors[0].field", equalTo("activeFrom"));
        invalid(anonymous()).queryParam("limit", "lots").get("/senates").then().statusCode(400);
        invalid(anonymous()).queryParam("limit", 1000).get("/senates").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        anonymous().queryParam("cursor", "bm90LWEtY3Vyc29y!").get("/senates").then().statusCode(400)
                .body("type", equalTo("urn:clinical-senate:problem:invalid-cursor"));
        anonymous().get("/senates/atlantis").then().statusCode(404).body("detail", equalTo("No senate with slug 'atlantis'"));
    }
}
