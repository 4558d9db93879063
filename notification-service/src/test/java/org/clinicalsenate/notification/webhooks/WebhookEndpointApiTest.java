package org.clinicalsenate.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.notification.webhooks.Webhooks.assuranceViewer;
import static org.clinicalsenate.notification.webhooks.Webhooks.integrator;
import static org.clinicalsenate.notification.webhooks.Webhooks.platformAdmin;
import static org.clinicalsenate.notification.webhooks.Webhooks.register;
import static org.clinicalsenate.notification.webhooks.Webhooks.requesterOf;
import static org.clinicalsenate.notification.webhooks.Webhooks.senateAdminOf;
import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;
import static org.clinicalsenate.testing.Api.invalid;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class WebhookEndpointApiTest {

    private static final String URL = "https://hooks.example.test/senate";

    @Inject
    DataSource database;

    @AfterEach
    void removeEndpoints() throws Exception {
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM webhook_endpoint");
        }
    }

    private static Map<String, Object> fields(String url, List<String> types, List<String> senates) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("eventTypes", types);
        body.put("senates", senates);
        return body;
    }

    @Test
    void theSecretIsShownOnceAtRegistration() {
        String token = requesterOf("QRL");
        ExtractableResponse<Response> created = as(token).body(fields(URL, List.of(), List.of()))
                .post("/webhook-endpoints").then().statusCode(201).extract();
        String id = created.path("endpoint.id");
        String secret = created.path("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeBetween(24, 64);
        assertThat(created.header("Location")).endsWith("/webhook-endpoints/" + id);
        assertThat(created.header("ETag")).isNotBlank();
        as(token).get("/webhook-endpoints/" + id).then().statusCode(200)
                .header("ETag", created.header("ETag"))
                .body("secret", nullValue())
                .body("url", equalTo(URL))
                .body("enabled", equalTo(true))
                .body("eventTypes", equalTo(List.of()))
                .body("owner", startsWith("integrator-"));
        as(token).get("/webhook-endpoints").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)))
                .body("items[0].secret", nullValue());
    }

    @Test
    void anIdempotencyKeyRegistersOnce() {
        String token = assuranceViewer();
        String key = UUID.randomUUID().toString();
        String first = as(token).header("Idempotency-Key", key).body(fields(URL, List.of(), List.of()))
                .post("/webhook-endpoints").then().statusCode(201).extract().path("endpoint.id");
        as(token).header("Idempotency-Key", key).body(fields(URL, List.of(), List.of()))
                .post("/webhook-endpoints").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("endpoint.id", equalTo(first));
        as(token).get("/webhook-endpoints").then().body("items.id", equalTo(List.of(first)));
    }

    @Test
    void changesNeedTheCurrentETag() {
        String token = senateAdminOf("london");
        String id = register(token, URL, List.of(), List.of("london")).getString("endpoint.id");
        Map<String, Object> change = fields("https://hooks.example.test/v2", List.of("review.panel.formed"),
                List.of("london"));
        invalid(as(token)).body(change).put("/webhook-endpoints/" + id).then().statusCode(428)
                .contentType("application/problem+json");
        as(token).header("If-Match", "\"41\"").body(change).put("/webhook-endpoints/" + id).then().statusCode(412)
                .body("type", equalTo("urn:clinical-senate:problem:stale-version"));
        String etag = as(token).get("/webhook-endpoints/" + id).then().extract().header("ETag");
        String changed = as(token).header("If-Match", etag).body(change).put("/webhook-endpoints/" + id).then()
                .statusCode(200)
                .body("url", equalTo("https://hooks.example.test/v2"))
                .body("eventTypes", equalTo(List.of("review.panel.formed")))
                .extract().header("ETag");
        assertThat(changed).isNotEqualTo(etag);

        invalid(as(token)).accept("*/*").delete("/webhook-endpoints/" + id).then().statusCode(428);
        as(token).header("If-Match", etag).accept("*/*").delete("/webhook-endpoints/" + id).then().statusCode(412);
        as(token).header("If-Match", changed).accept("*/*").delete("/webhook-endpoints/" + id).then().statusCode(204);
        as(token).get("/webhook-endpoints/" + id).then().statusCode(404);
    }

    @Test
    void disablingAndEnablingAreRecorded() {
        String token = assuranceViewer();
        String id = register(token, URL, List.of(), List.of()).getString("endpoint.id");
        as(token).post("/webhook-endpoints/" + id + "/disabling").then().statusCode(200)
                .body("enabled", equalTo(false)).body("disabledReason", equalTo("manual"));
        as(token).post("/webhook-endpoints/" + id + "/disabling").then().statusCode(200)
                .body("disabledReason", equalTo("manual"));
        as(token).post("/webhook-endpoints/" + id + "/ping").then().statusCode(409);
        as(token).post("/webhook-endpoints/" + id + "/enabling").then().statusCode(200)
                .body("enabled", equalTo(true)).body("disabledReason", nullValue());
        as(Tokens.platformAdmin()).queryParam("entityType", "webhook-endpoint").queryParam("entityId", id)
                .get("/audit-entries").then().statusCode(200)
                .body("items.action", equalTo(List.of("enabled", "disabled", "registered")));
    }

    @Test
    void aUrlThatPointsInsideOrIsNotHttpsIsRefused() {
        String token = platformAdmin();
        for (String url : List.of("https://10.1.2.3/hook", "https://169.254.169.254/latest/meta-data",
                "https://192.168.0.10/hook", "https://172.16.5.4/hook", "https://[fd00:ec2::254]/hook",
                "https://100.100.100.200/hook", "https://0.0.0.0/hook", "https://[fe80::1]/hook",
                "https://user:password@hooks.example.test/hook")) {
            as(token).body(fields(url, List.of(), List.of())).post("/webhook-endpoints").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        invalid(as(token)).body(fields("ftp://hooks.example.test/hook", List.of(), List.of()))
                .post("/webhook-endpoints").then().statusCode(400).body("errors[0].field", equalTo("url"));
        as(token).get("/webhook-endpoints").then().body("items", equalTo(List.of()));
    }

    @Test
    void unknownEventTypesAndSenatesOutsideTheOwnersScopeAreRefused() {
        as(assuranceViewer()).body(fields(URL, List.of("review.advice-request.teleported"), List.of()))
                .post("/webhook-endpoints").then().statusCode(422)
                .body("errors[0].field", equalTo("eventTypes"));
        as(assuranceViewer()).body(fields(URL, List.of("notification.endpoint.disabled"), List.of()))
                .post("/webhook-endpoints").then().statusCode(422);
        as(senateAdminOf("london")).body(fields(URL, List.of(), List.of("south-east")))
                .post("/webhook-endpoints").then().statusCode(422)
                .body("errors[0].field", equalTo("senates"));
        // a senate-admin without senates sees nothing: nothing to subscribe to
        as(integrator(List.of("senate-admin"), Map.of())).body(fields(URL, List.of(), List.of()))
                .post("/webhook-endpoints").then().statusCode(403);
    }

    @Test
    void anotherOwnersEndpointDoesNotExistForAnIntegrator() {
        String owner = requesterOf("QRL");
        String id = register(owner, URL, List.of(), List.of()).getString("endpoint.id");
        String path = "/webhook-endpoints/" + id;
        String etag = as(owner).get(path).then().extract().header("ETag");
        // the same organisation, another person: not theirs
        for (String other : List.of(requesterOf("QRL"), assuranceViewer(), senateAdminOf("south-east"))) {
            as(other).get(path).then().statusCode(404).contentType("application/problem+json");
            as(other).header("If-Match", etag).body(fields(URL, List.of(), List.of())).put(path).then()
                    .statusCode(404);
            as(other).header("If-Match", etag).accept("*/*").delete(path).then().statusCode(404);
            as(other).post(path + "/disabling").then().statusCode(404);
            as(other).post(path + "/enabling").then().statusCode(404);
            as(other).post(path + "/secret-rotation").then().statusCode(404);
            as(other).post(path + "/ping").then().statusCode(404);
            as(other).get(path + "/messages").then().statusCode(404);
            as(other).get(path + "/attempts").then().statusCode(404);
            as(other).post(path + "/messages/" + UUID.randomUUID() + "/replay").then().statusCode(404);
            as(other).body(Map.of("since", "2026-12-01T00:00:00Z")).post(path + "/recovery").then().statusCode(404);
            as(other).get("/webhook-endpoints").then().statusCode(200).body("items.id", not(hasItem(id)));
        }
        // a platform-admin manages every endpoint
        as(platformAdmin()).get(path).then().statusCode(200);
        as(platformAdmin()).get("/webhook-endpoints").then().statusCode(200).body("items.id", hasItem(id));
        as(platformAdmin()).post(path + "/disabling").then().statusCode(200);
        as(owner).get(path).then().statusCode(200).body("enabled", equalTo(false));
    }

    @Test
    void servicesMembersAndAnonymousCallersManageNoEndpoints() {
        Map<String, Object> body = fields(URL, List.of(), List.of());
        for (String token : List.of(Tokens.service("review-service"), Tokens.service("membership-service"),
                Tokens.member(UUID.randomUUID().toString()))) {
            as(token).body(body).post("/webhook-endpoints").then().statusCode(403)
                    .contentType("application/problem+json");
            as(token).get("/webhook-endpoints").then().statusCode(403);
            as(token).get("/webhook-endpoints/" + UUID.randomUUID()).then().statusCode(403);
        }
        anonymous().body(body).post("/webhook-endpoints").then().statusCode(401);
        anonymous().get("/webhook-endpoints").then().statusCode(401);
        // integrators and admins do not post events
        for (String token : List.of(requesterOf("QRL"), assuranceViewer(), platformAdmin())) {
            as(token).body(Webhooks.submitted(UUID.randomUUID().toString(), "london", "QRL")).post("/events").then()
                    .statusCode(403);
        }
    }

    @Test
    void theEventTypesAreReadableWithTheirSchemas() {
        JsonPath types = anonymous().get("/event-types").then().statusCode(200).extract().jsonPath();
        List<String> names = types.getList("items.type");
        assertThat(names).contains("review.advice-request.submitted", "membership.declaration.due-soon")
                .doesNotContain("notification.endpoint.disabled");
        Map<String, Object> submitted = types.getMap("items.find { it.type == 'review.advice-request.submitted' }");
        assertThat(submitted.get("source")).isEqualTo("/review-service");
        assertThat(types.getList("items.find { it.type == 'review.advice-request.submitted' }.schema.required"))
                .contains("id", "senate", "requestingOrganisation");
        // references to the contract's other schemas are written out
        assertThat(types.getString("items.find { it.type == 'review.advice-request.submitted' }.schema.properties.senate.pattern"))
                .isNotNull();
    }

    @Test
    void listsPageWithACursor() {
        String token = platformAdmin();
        for (int i = 0; i < 3; i++) {
            register(token, URL + i, List.of(), List.of());
        }
        ExtractableResponse<Response> first = as(token).queryParam("limit", 2).get("/webhook-endpoints").then()
                .statusCode(200).extract();
        assertThat(first.<List<?>>path("items")).hasSize(2);
        assertThat(first.header("Link")).contains("rel=\"next\"");
        as(token).queryParam("limit", 2).queryParam("cursor", (String) first.path("nextCursor"))
                .get("/webhook-endpoints").then().statusCode(200)
                .body("items.url", equalTo(List.of(URL + 2)));
        // a cursor of one list is refused by another
        String other = register(token, URL, List.of(), List.of()).getString("endpoint.id");
        as(token).queryParam("cursor", (String) first.path("nextCursor"))
                .get("/webhook-endpoints/" + other + "/messages").then().statusCode(400)
                .body("type", equalTo("urn:clinical-senate:problem:invalid-cursor"));
        invalid(as(token)).queryParam("since", "yesterday").get("/webhook-endpoints/" + other + "/attempts").then()
                .statusCode(400);
        invalid(as(token)).body(Map.of("since", "2020-01-01T00:00:00Z"))
                .post("/webhook-endpoints/" + other + "/recovery").then().statusCode(422)
                .body("errors[0].field", equalTo("since"));
    }
}
