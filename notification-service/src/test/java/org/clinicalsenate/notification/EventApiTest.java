package org.clinicalsenate.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;
import static org.clinicalsenate.testing.Api.invalid;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class EventApiTest {

    private static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

    private static String reviewService() {
        return Tokens.service("review-service");
    }

    private static Map<String, Object> event(String id, String type) {
        Map<String, Object> event = new HashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", "/review-service");
        event.put("type", type);
        event.put("subject", "3f2a8f0e-8d1c-4b5e-9f0a-2b1c3d4e5f60");
        event.put("time", "2026-11-23T10:15:30Z");
        event.put("datacontenttype", "application/json");
        event.put("data", Map.of("senate", "south-east", "requestingOrganisation", "QRL", "kind", "clinical-review"));
        return event;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A type of its own, so that a test lists only the events it sent. */
    private static String newType() {
        return "test.event-" + UUID.randomUUID().toString().substring(0, 8) + ".sent";
    }

    private static List<String> listedIds(String type) {
        return as(Tokens.platformAdmin()).queryParam("type", type).queryParam("limit", 100).get("/events")
                .then().statusCode(200).extract().path("items.event.id");
    }

    @Test
    void firstDeliveryIsStoredAndARedeliveryOnlyCounted() {
        String id = newId();
        String type = newType();
        Map<String, Object> body = event(id, type);

        JsonPath first = as(reviewService()).body(body).post("/events").then().statusCode(201)
                .contentType("application/json")
                .body("event.id", equalTo(id))
                .body("event.type", equalTo(type))
                .body("event.source", equalTo("/review-service"))
                .body("event.time", equalTo("2026-11-23T10:15:30Z"))
                .body("event.data.senate", equalTo("south-east"))
                .body("receivedAt", notNullValue())
                .body("deliveries", equalTo(1))
                .extract().jsonPath();

        JsonPath again = as(reviewService()).body(body).post("/events").then().statusCode(200)
                .body("deliveries", equalTo(2))
                .extract().jsonPath();
        assertThat(again.getMap("event")).isEqualTo(first.getMap("event"));
        assertThat(again.getString("receivedAt")).isEqualTo(first.getString("receivedAt"));

        assertThat(listedIds(type)).containsExactly(id);
        as(Tokens.platformAdmin()).queryParam("type", type).get("/events").then().statusCode(200)
                .body("items[0].deliveries", equalTo(2));
    }

    @Test
    void aRedeliveryIsAnsweredWithTheStoredEventNotTheResentOne() {
        String id = newId();
        String type = newType();
        as(reviewService()).body(event(id, type)).post("/events").then().statusCode(201);
        Map<String, Object> resent = event(id, type);
        resent.put("subject", "another-subject");
        resent.put("data", Map.of("senate", "london"));
        as(reviewService()).body(resent).post("/events").then().statusCode(200)
                .body("event.subject", equalTo("3f2a8f0e-8d1c-4b5e-9f0a-2b1c3d4e5f60"))
                .body("event.data.senate", equalTo("south-east"))
                .body("deliveries", equalTo(2));
    }

    @Test
    void concurrentDuplicatesAreStoredOnceAndAllCounted() throws Exception {
        String id = newId();
        String type = newType();
        Map<String, Object> body = event(id, type);
        String token = reviewService();
        int deliveries = 20;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                Callable<Integer> deliver = () -> {
                    start.await();
                    return as(token).body(body).post("/events").then().extract().statusCode();
                };
                statuses.add(pool.submit(deliver));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get(2, TimeUnit.MINUTES));
            }
            assertThat(codes).hasSize(deliveries).containsOnly(200, 201);
            assertThat(Collections.frequency(codes, 201)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }

        assertThat(listedIds(type)).containsExactly(id);
        as(Tokens.platformAdmin()).queryParam("type", type).get("/events").then().statusCode(200)
                .body("items[0].deliveries", equalTo(deliveries));
        as(Tokens.platformAdmin()).queryParam("entityType", "event").queryParam("entityId", id)
                .get("/audit-entries").then().statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void theSameIdWithAnotherTypeOrSourceIsAConflict() {
        String id = newId();
        String type = newType();
        as(reviewService()).body(event(id, type)).post("/events").then().statusCode(201);

        as(reviewService()).body(event(id, "review.something-else.happened")).post("/events").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinical-senate:problem:conflict"))
                .body("detail", equalTo("Event " + id + " was already received with type " + type
                        + " from /review-service; a new event needs a new id"));
        Map<String, Object> otherSource = event(id, type);
        otherSource.put("source", "/membership-service");
        as(Tokens.service("membership-service")).body(otherSource).post("/events").then().statusCode(409);

        as(Tokens.platformAdmin()).queryParam("type", type).get("/events").then().statusCode(200)
                .body("items.event.id", contains(id))
                .body("items[0].deliveries", equalTo(1));
    }

    @Test
    void cloudEventsJsonIsAcceptedAsWellAsJson() {
        String type = newType();
        String structured = newId();
        String plain = newId();
        as(reviewService()).contentType(CLOUDEVENTS_JSON).body(json(event(structured, type))).post("/events").then()
                .statusCode(201).contentType("application/json")
                .body("event.id", equalTo(structured)).body("event.data.kind", equalTo("clinical-review"));
        as(reviewService()).contentType(CLOUDEVENTS_JSON + "; charset=UTF-8").body(json(event(structured, type)))
                .post("/events").then().statusCode(200).body("deliveries", equalTo(2));
        as(reviewService()).contentType("application/json").body(json(event(plain, type))).post("/events").then()
                .statusCode(201).body("event.id", equalTo(plain));

        assertThat(listedIds(type)).containsExactly(plain, structured);
    }

    @Test
    void aMinimalEventIsEnough() {
        String id = newId();
        Map<String, Object> minimal = Map.of("specversion", "1.0", "id", id, "source", "/membership-service",
                "type", "membership.senate.created");
        as(Tokens.service("membership-service")).body(minimal).post("/events").then().statusCode(201)
                .body("event.id", equalTo(id))
                .body("event.type", equalTo("membership.senate.created"))
                .body("deliveries", equalTo(1));
    }

    @Test
    void listIsNewestFirstAndFiltersByType() {
        String type = newType();
        String otherType = newType();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = newId();
            sent.add(id);
            as(reviewService()).body(event(id, type)).post("/events").then().statusCode(201);
        }
        String other = newId();
        as(reviewService()).body(event(other, otherType)).post("/events").then().statusCode(201);

        assertThat(listedIds(type)).containsExactly(sent.get(2), sent.get(1), sent.get(0));
        assertThat(listedIds(otherType)).containsExactly(other);
        as(Tokens.platformAdmin()).queryParam("limit", 4).get("/events").then().statusCode(200)
                .body("items.event.id", contains(other, sent.get(2), sent.get(1), sent.get(0)));
        assertThat(listedIds("test.nothing-of-this-type")).isEmpty();
    }

    @Test
    void listPagesWithACursorAndLinkHeader() {
        String type = newType();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = newId();
            sent.add(id);
            as(reviewService()).body(event(id, type)).post("/events").then().statusCode(201);
        }
        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = as(Tokens.platformAdmin()).queryParam("type", type).queryParam("limit", 3);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/events").then().statusCode(200).extract();
            listed.addAll(page.path("items.event.id"));
            cursor = page.path("nextCursor");
            pages++;
            if (cursor != null) {
                assertThat(page.header("Link")).contains("rel=\"next\"").contains("type=" + type)
                        .contains("cursor=" + cursor);
            } else {
                assertThat(page.header("Link")).isNull();
            }
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        Collections.reverse(sent);
        assertThat(listed).containsExactlyElementsOf(sent);
    }

    @Test
    void theFirstDeliveryIsAuditedWithTheProducerAsActor() {
        String id = newId();
        String type = newType();
        as(reviewService()).body(event(id, type)).post("/events").then().statusCode(201);
        as(reviewService()).body(event(id, type)).post("/events").then().statusCode(200);
        as(Tokens.platformAdmin()).queryParam("entityType", "event").queryParam("entityId", id)
                .get("/audit-entries").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("received"))
                .body("items[0].actor", equalTo("review-service"))
                .body("items[0].changes.type", equalTo(type))
                .body("items[0].changes.source", equalTo("/review-service"));
    }

    @Test
    void accessRules() {
        Map<String, Object> body = event(newId(), newType());
        anonymous().body(body).post("/events").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        as(Tokens.expired()).body(body).post("/events").then().statusCode(401);
        as(Tokens.platformAdmin()).body(body).post("/events").then().statusCode(403)
                .contentType("application/problem+json");
        as(Tokens.requester("QRL")).body(body).post("/events").then().statusCode(403);

        anonymous().get("/events").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        as(reviewService()).get("/events").then().statusCode(403).contentType("application/problem+json");
        as(Tokens.requester("QRL")).get("/events").then().statusCode(403);
        as(Tokens.senateAdmin("london")).get("/events").then().statusCode(403);

        anonymous().get("/audit-entries").then().statusCode(401);
        as(reviewService()).get("/audit-entries").then().statusCode(403);
        as(Tokens.senateAdmin("london")).get("/audit-entries").then().statusCode(403);

        // nothing refused was stored
        assertThat(listedIds((String) body.get("type"))).isEmpty();
    }

    @Test
    void badInputGetsProblemsNamingTheField() {
        String service = reviewService();
        for (String required : List.of("id", "source", "type")) {
            Map<String, Object> missing = event(newId(), newType());
            missing.remove(required);
            invalid(as(service)).body(missing).post("/events").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:clinical-senate:problem:validation"))
                    .body("errors.field", hasItem(required));
        }
        Map<String, Object> blank = event("", newType());
        invalid(as(service)).body(blank).post("/events").then().statusCode(400)
                .body("errors.field", contains("id"));

        Map<String, Object> oldSpec = event(newId(), newType());
        oldSpec.put("specversion", "0.3");
        invalid(as(service)).body(oldSpec).post("/events").then().statusCode(400)
                .body("errors[0].field", equalTo("specversion"))
                .body("errors[0].message", equalTo("must be one of [1.0]"));

        Map<String, Object> badTime = event(newId(), newType());
        badTime.put("time", "yesterday afternoon");
        invalid(as(service)).body(badTime).post("/events").then().statusCode(400)
                .body("errors[0].field", equalTo("time"));

        invalid(as(service)).body("{\"specversion\": \"1.0\", \"id\": ").post("/events").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinical-senate:problem:malformed-json"));
        invalid(as(service)).contentType(CLOUDEVENTS_JSON).body("{\"specversion\": \"1.0\", \"id\": ")
                .post("/events").then().statusCode(400)
                .body("type", equalTo("urn:clinical-senate:problem:malformed-json"));
        invalid(as(service)).post("/events").then().statusCode(400).contentType("application/problem+json");

        as(Tokens.platformAdmin()).queryParam("cursor", "bm90LWEtY3Vyc29y!").get("/events").then().statusCode(400)
                .body("type", equalTo("urn:clinical-senate:problem:invalid-cursor"));
        as(Tokens.platformAdmin()).queryParam("cursor", "bm90LWEtbnVtYmVy").get("/events").then().statusCode(400)
                .body("type", equalTo("urn:clinical-senate:problem:invalid-cursor"));
        invalid(as(Tokens.platformAdmin())).queryParam("limit", 1000).get("/events").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    private static String json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
