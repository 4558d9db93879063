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
    private static final String SUBMITTED = "review.advice-request.submitted";
    private static final String DUE_SOON = "membership.declaration.due-soon";

    private static String reviewService() {
        return Tokens.service("review-service");
    }

    /** A valid review.advice-request.submitted event from review-service, about a request of its own. */
    private static Map<String, Object> event(String id) {
        String request = newId();
        Map<String, Object> event = new HashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", "/review-service");
        event.put("type", SUBMITTED);
        event.put("subject", request);
        event.put("time", "2026-11-23T10:15:30Z");
        event.put("datacontenttype", "application/json");
        event.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        event.put("data", submitted(request));
        return event;
    }

    private static Map<String, Object> submitted(String request) {
        Map<String, Object> data = new HashMap<>();
        data.put("id", request);
        data.put("senate", "south-east");
        data.put("requestingOrganisation", "QRL");
        data.put("kind", "clinical-review");
        data.put("status", "received");
        data.put("links", Map.of("self", "/advice-requests/" + request));
        return data;
    }

    /** A valid membership.declaration.due-soon event from membership-service. */
    private static Map<String, Object> dueSoon(String id) {
        String member = newId();
        String round = newId();
        Map<String, Object> data = new HashMap<>();
        data.put("memberId", member);
        data.put("roundId", round);
        data.put("senate", "london");
        data.put("year", 2026);
        data.put("dueDate", "2026-12-31");
        data.put("offsetDays", 7);
        data.put("links", Map.of("round", "/declaration-rounds/" + round, "declarations",
                "/members/" + member + "/declarations"));
        Map<String, Object> event = new HashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", "/membership-service");
        event.put("type", DUE_SOON);
        event.put("subject", member);
        event.put("data", data);
        return event;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The ids of the newest events of a type, newest first. */
    private static List<String> listedIds(String type) {
        return as(Tokens.platformAdmin()).queryParam("type", type).queryParam("limit", 100).get("/events")
                .then().statusCode(200).extract().path("items.event.id");
    }

    /** Of these ids, those listed, in the order listed. */
    private static List<String> listed(String type, List<String> ids) {
        return listedIds(type).stream().filter(ids::contains).toList();
    }

    @Test
    void firstDeliveryIsStoredAndARedeliveryOnlyCounted() {
        String id = newId();
        Map<String, Object> body = event(id);

        JsonPath first = as(reviewService()).body(body).post("/events").then().statusCode(201)
                .contentType("application/json")
                .body("event.id", equalTo(id))
                .body("event.type", equalTo(SUBMITTED))
                .body("event.source", equalTo("/review-service"))
                .body("event.time", equalTo("2026-11-23T10:15:30Z"))
                .body("event.traceparent", equalTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .body("event.data.senate", equalTo("south-east"))
                .body("receivedAt", notNullValue())
                .body("deliveries", equalTo(1))
                .extract().jsonPath();

        JsonPath again = as(reviewService()).body(body).post("/events").then().statusCode(200)
                .body("deliveries", equalTo(2))
                .extract().jsonPath();
        assertThat(again.getMap("event")).isEqualTo(first.getMap("event"));
        assertThat(again.getString("receivedAt")).isEqualTo(first.getString("receivedAt"));

        assertThat(listed(SUBMITTED, List.of(id))).containsExactly(id);
        as(Tokens.platformAdmin()).queryParam("type", SUBMITTED).get("/events").then().statusCode(200)
                .body("items[0].event.id", equalTo(id))
                .body("items[0].deliveries", equalTo(2));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRedeliveryIsAnsweredWithTheStoredEventNotTheResentOne() {
        String id = newId();
        Map<String, Object> first = event(id);
        as(reviewService()).body(first).post("/events").then().statusCode(201);
        Map<String, Object> resent = event(id);
        resent.put("subject", "another-subject");
        ((Map<String, Object>) resent.get("data")).put("senate", "london");
        as(reviewService()).body(resent).post("/events").then().statusCode(200)
                .body("event.subject", equalTo(first.get("subject")))
                .body("event.data.senate", equalTo("south-east"))
                .body("deliveries", equalTo(2));
    }

    @Test
    void concurrentDuplicatesAreStoredOnceAndAllCounted() throws Exception {
        String id = newId();
        Map<String, Object> body = event(id);
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

        assertThat(listed(SUBMITTED, List.of(id))).containsExactly(id);
        as(Tokens.platformAdmin()).queryParam("type", SUBMITTED).get("/events").then().statusCode(200)
                .body("items[0].event.id", equalTo(id))
                .body("items[0].deliveries", equalTo(deliveries));
        as(Tokens.platformAdmin()).queryParam("entityType", "event").queryParam("entityId", id)
                .get("/audit-entries").then().statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void theSameIdWithAnotherTypeOrSourceIsAConflict() {
        String id = newId();
        as(reviewService()).body(event(id)).post("/events").then().statusCode(201);

        as(Tokens.service("membership-service")).body(dueSoon(id)).post("/events").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinical-senate:problem:conflict"))
                .body("detail", equalTo("Event " + id + " was already received with type " + SUBMITTED
                        + " from /review-service; a new event needs a new id"));

        as(Tokens.platformAdmin()).queryParam("type", SUBMITTED).get("/events").then().statusCode(200)
                .body("items[0].event.id", equalTo(id))
                .body("items[0].deliveries", equalTo(1));
        assertThat(listedIds(DUE_SOON)).doesNotContain(id);
    }

    @Test
    void anEventWhoseSourceIsNotTheCallingServiceIsRefused() {
        Map<String, Object> impersonated = event(newId());
        as(Tokens.service("membership-service")).body(impersonated).post("/events").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinical-senate:problem:forbidden"))
                .body("detail", equalTo("An event's source must be the service that sends it (/membership-service), "
                        + "not /review-service"));
        // notification-service's own account (and any other client) may not send events at all
        as(Tokens.service("notification-service")).body(event(newId())).post("/events").then().statusCode(403);
        as(Tokens.service("some-other-client")).body(event(newId())).post("/events").then().statusCode(403);
        // a token of the service group without a client id is bound to no service
        as(Tokens.of("anonymous-service", List.of("service"), Map.of())).body(event(newId())).post("/events")
                .then().statusCode(403);
        assertThat(listedIds(SUBMITTED)).doesNotContain((String) impersonated.get("id"));
    }

    @Test
    void anUnknownTypeOrOneOfAnotherSourceIsRefusedAndNothingIsStored() {
        Map<String, Object> unknown = event(newId());
        unknown.put("type", "review.advice-request.teleported");
        as(reviewService()).body(unknown).post("/events").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinical-senate:problem:rule-violated"))
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", startsWith("is not an event type of the events contract ("));

        Map<String, Object> notItsOwn = dueSoon(newId());
        notItsOwn.put("source", "/review-service");
        as(reviewService()).body(notItsOwn).post("/events").then().statusCode(422)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", equalTo("is published by /membership-service, not by /review-service"));

        assertThat(listedIds(SUBMITTED)).doesNotContain((String) unknown.get("id"));
        assertThat(listedIds(DUE_SOON)).doesNotContain((String) notItsOwn.get("id"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void dataThatBreaksItsTypesSchemaIsRefusedNamingEachFieldAndNothingIsStored() {
        List<String> refused = new ArrayList<>();
        Map<String, Object> missing = event(newId());
        ((Map<String, Object>) missing.get("data")).remove("senate");
        refused.add(refusedWith(missing, "data.senate", "is required"));

        Map<String, Object> personal = event(newId());
        ((Map<String, Object>) personal.get("data")).put("requesterEmail", "jo.bloggs@nhs.net");
        refused.add(refusedWith(personal, "data.requesterEmail", "is not a field of this object"));

        Map<String, Object> badId = event(newId());
        ((Map<String, Object>) badId.get("data")).put("id", "not-a-uuid");
        refused.add(refusedWith(badId, "data.id", "must be a valid UUID"));

        Map<String, Object> badOrganisation = event(newId());
        ((Map<String, Object>) badOrganisation.get("data")).put("requestingOrganisation", "qrl");
        refused.add(refusedWith(badOrganisation, "data.requestingOrganisation", "must match \"^[A-Z0-9]{3,12}$\""));

        Map<String, Object> noLink = event(newId());
        ((Map<String, Object>) noLink.get("data")).put("links", Map.of());
        refused.add(refusedWith(noLink, "data.links.self", "is required"));

        Map<String, Object> noData = event(newId());
        noData.remove("data");
        refused.add(refusedWith(noData, "data", "is required for a " + SUBMITTED + " event"));

        assertThat(listedIds(SUBMITTED)).doesNotContainAnyElementsOf(refused);
        as(Tokens.platformAdmin()).queryParam("entityType", "event").queryParam("entityId", refused.get(0))
                .get("/audit-entries").then().statusCode(200).body("items", hasSize(0));
    }

    private static String refusedWith(Map<String, Object> event, String field, String message) {
        as(reviewService()).body(event).post("/events").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinical-senate:problem:rule-violated"))
                .body("errors.field", contains(field))
                .body("errors[0].message", equalTo(message));
        return (String) event.get("id");
    }

    @Test
    void cloudEventsJsonIsAcceptedAsWellAsJson() {
        String structured = newId();
        String plain = newId();
        as(reviewService()).contentType(CLOUDEVENTS_JSON).body(json(event(structured))).post("/events").then()
                .statusCode(201).contentType("application/json")
                .body("event.id", equalTo(structured)).body("event.data.kind", equalTo("clinical-review"));
        as(reviewService()).contentType(CLOUDEVENTS_JSON + "; charset=UTF-8").body(json(event(structured)))
                .post("/events").then().statusCode(200).body("deliveries", equalTo(2));
        as(reviewService()).contentType("application/json").body(json(event(plain))).post("/events").then()
                .statusCode(201).body("event.id", equalTo(plain));

        assertThat(listed(SUBMITTED, List.of(structured, plain))).containsExactly(plain, structured);
    }

    @Test
    void anIdSourceTypeAndDataAreEnough() {
        Map<String, Object> full = dueSoon(newId());
        Map<String, Object> minimal = Map.of("specversion", "1.0", "id", full.get("id"), "source", "/membership-service",
                "type", DUE_SOON, "data", full.get("data"));
        as(Tokens.service("membership-service")).body(minimal).post("/events").then().statusCode(201)
                .body("event.id", equalTo(full.get("id")))
                .body("event.type", equalTo(DUE_SOON))
                .body("deliveries", equalTo(1));
    }

    @Test
    void listIsNewestFirstAndFiltersByType() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = newId();
            sent.add(id);
            as(reviewService()).body(event(id)).post("/events").then().statusCode(201);
        }
        String other = newId();
        as(Tokens.service("membership-service")).body(dueSoon(other)).post("/events").then().statusCode(201);

        assertThat(listedIds(SUBMITTED)).startsWith(sent.get(2), sent.get(1), sent.get(0)).doesNotContain(other);
        assertThat(listedIds(DUE_SOON)).startsWith(other).doesNotContainAnyElementsOf(sent);
        as(Tokens.platformAdmin()).queryParam("limit", 4).get("/events").then().statusCode(200)
                .body("items.event.id", contains(other, sent.get(2), sent.get(1), sent.get(0)));
        assertThat(listedIds("review.nothing-of-this-type.happened")).isEmpty();
    }

    @Test
    void listPagesWithACursorAndLinkHeader() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = newId();
            sent.add(id);
            as(reviewService()).body(event(id)).post("/events").then().statusCode(201);
        }
        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = as(Tokens.platformAdmin()).queryParam("type", SUBMITTED).queryParam("limit", 3);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/events").then().statusCode(200).extract();
            listed.addAll(page.path("items.event.id"));
            cursor = page.path("nextCursor");
            pages++;
            if (cursor != null) {
                assertThat(page.header("Link")).contains("rel=\"next\"").contains("type=" + SUBMITTED)
                        .contains("cursor=" + cursor);
            }
        } while (cursor != null && pages < 3);
        Collections.reverse(sent);
        assertThat(listed.subList(0, 7)).containsExactlyElementsOf(sent);
    }

    @Test
    void theFirstDeliveryIsAuditedWithTheProducerAsActor() {
        String id = newId();
        Map<String, Object> event = event(id);
        as(reviewService()).body(event).post("/events").then().statusCode(201);
        as(reviewService()).body(event).post("/events").then().statusCode(200);
        as(Tokens.platformAdmin()).queryParam("entityType", "event").queryParam("entityId", id)
                .get("/audit-entries").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("received"))
                .body("items[0].actor", equalTo("review-service"))
                .body("items[0].changes.type", equalTo(SUBMITTED))
                .body("items[0].changes.source", equalTo("/review-service"));
    }

    @Test
    void accessRules() {
        Map<String, Object> body = event(newId());
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
        // a senate-admin reads the entries of their senates: events belong to none
        as(Tokens.senateAdmin("london")).get("/audit-entries").then().statusCode(200).body("items", hasSize(0));

        // nothing refused was stored
        assertThat(listedIds(SUBMITTED)).doesNotContain((String) body.get("id"));
    }

    @Test
    void badInputGetsProblemsNamingTheField() {
        String service = reviewService();
        for (String required : List.of("id", "source", "type")) {
            Map<String, Object> missing = event(newId());
            missing.remove(required);
            invalid(as(service)).body(missing).post("/events").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:clinical-senate:problem:validation"))
                    .body("errors.field", hasItem(required));
        }
        Map<String, Object> blank = event("");
        invalid(as(service)).body(blank).post("/events").then().statusCode(400)
                .body("errors.field", contains("id"));

        Map<String, Object> oldSpec = event(newId());
        oldSpec.put("specversion", "0.3");
        invalid(as(service)).body(oldSpec).post("/events").then().statusCode(400)
                .body("errors[0].field", equalTo("specversion"))
                .body("errors[0].message", equalTo("must be one of [1.0]"));

        Map<String, Object> badTime = event(newId());
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
