package org.clinicalsenate.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.notification.webhooks.Webhooks.assuranceViewer;
import static org.clinicalsenate.notification.webhooks.Webhooks.register;
import static org.clinicalsenate.notification.webhooks.Webhooks.send;
import static org.clinicalsenate.notification.webhooks.Webhooks.submitted;
import static org.clinicalsenate.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.clinicalsenate.notification.service.Deliveries;
import org.clinicalsenate.notification.webhooks.Receiver.Answer;
import org.clinicalsenate.testing.MovableClock;
import org.clinicalsenate.testing.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Delivery to a real HTTP receiver on loopback that verifies every signature with the Standard
 * Webhooks library. Time is moved, never waited for.
 */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    DataSource database;

    @Inject
    Deliveries deliveries;

    @Inject
    MovableClock clock;

    Receiver receiver;
    String token;
    /** The secret of the last endpoint made by {@link #endpoint}. */
    String secret;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
        token = assuranceViewer();
    }

    @AfterEach
    void stop() throws Exception {
        receiver.close();
        clock.reset();
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM webhook_endpoint");
        }
    }

    /** An endpoint at the receiver, whose secret the receiver verifies with. */
    private String endpoint(String path) {
        JsonPath created = register(token, receiver.url(path), List.of(), List.of());
        secret = created.getString("secret");
        receiver.secrets(secret);
        return created.getString("endpoint.id");
    }

    private Map<String, Object> event() {
        Map<String, Object> event = submitted(UUID.randomUUID().toString(), "south-east", "QRL");
        send(event);
        return event;
    }

    private JsonPath messages(String endpoint) {
        return as(token).get("/webhook-endpoints/" + endpoint + "/messages").then().statusCode(200).extract()
                .jsonPath();
    }

    private JsonPath attempts(String endpoint) {
        return as(token).get("/webhook-endpoints/" + endpoint + "/attempts").then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void anEventArrivesSignedWithTheStandardWebhooksHeadersAndBody() throws Exception {
        String endpoint = endpoint("/hooks");
        Map<String, Object> event = event();
        deliveries.deliverDue(5);

        assertThat(receiver.deliveries()).hasSize(1);
        Receiver.Delivery delivery = receiver.deliveries().get(0);
        assertThat(delivery.verified()).as("signature verified by the library").isTrue();
        assertThat(delivery.webhookId()).startsWith("msg_");
        assertThat(Math.abs(delivery.timestamp() - Instant.now().getEpochSecond())).isLessThan(60);
        Map<?, ?> body = new ObjectMapper().readValue(delivery.body(), Map.class);
        assertThat(body.get("type")).isEqualTo("review.advice-request.submitted");
        assertThat(body.get("timestamp")).isEqualTo("2026-11-23T10:15:30Z");
        assertThat(body.get("data")).isEqualTo(event.get("data"));

        JsonPath messages = messages(endpoint);
        assertThat(messages.getString("items[0].status")).isEqualTo("succeeded");
        assertThat(messages.getString("items[0].webhookId")).isEqualTo(delivery.webhookId());
        assertThat(messages.getInt("items[0].attempts")).isEqualTo(1);
        JsonPath attempts = attempts(endpoint);
        assertThat(attempts.getList("items")).hasSize(1);
        assertThat(attempts.getInt("items[0].statusCode")).isEqualTo(204);
        assertThat(attempts.getBoolean("items[0].succeeded")).isTrue();
    }

    @Test
    void aFailureIsRetriedOnTheScheduleWithTheSameWebhookId() {
        String endpoint = endpoint("/flaky");
        receiver.answerNext(Answer.status(500), Answer.status(302));
        event();
        deliveries.deliverDue(5);
        assertThat(receiver.deliveries()).hasSize(1);
        assertThat(messages(endpoint).getString("items[0].status")).isEqualTo("pending");
        Instant next = Instant.parse(messages(endpoint).getString("items[0].nextAttemptAt"));
        assertThat(Duration.between(Instant.now(), next)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(6));

        // not due yet: nothing is sent
        deliveries.deliverDue(5);
        assertThat(receiver.deliveries()).hasSize(1);

        // a redirect is a failure too; the next delay is 5 minutes
        clock.advance(Duration.ofSeconds(6));
        deliveries.deliverDue(5);
        assertThat(receiver.deliveries()).hasSize(2);
        next = Instant.parse(messages(endpoint).getString("items[0].nextAttemptAt"));
        assertThat(Duration.between(clock.instant(), next)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));

        clock.advance(Duration.ofMinutes(6));
        deliveries.deliverDue(5);
        List<Receiver.Delivery> received = receiver.deliveries();
        assertThat(received).hasSize(3).allMatch(Receiver.Delivery::verified);
        assertThat(received).extracting(Receiver.Delivery::webhookId).containsOnly(received.get(0).webhookId());
        assertThat(messages(endpoint).getString("items[0].status")).isEqualTo("succeeded");
        assertThat(attempts(endpoint).getList("items.statusCode")).containsExactly(204, 302, 500);
        as(token).queryParam("failed", true).get("/webhook-endpoints/" + endpoint + "/attempts").then()
                .statusCode(200).body("items.statusCode", org.hamcrest.Matchers.contains(302, 500));
    }

    @Test
    void aMessageFailsWhenTheScheduleIsOverAndCanBeRecovered() {
        String endpoint = endpoint("/down");
        receiver.answerOtherwise(Answer.status(500));
        Instant start = clock.instant();
        event();
        for (int attempt = 0; attempt < 10; attempt++) {
            deliveries.deliverDue(5);
            clock.advance(Duration.ofHours(11));
        }
        assertThat(receiver.deliveries()).hasSize(8);
        assertThat(messages(endpoint).getString("items[0].status")).isEqualTo("failed");
        as(token).queryParam("failed", true).get("/webhook-endpoints/" + endpoint + "/messages").then()
                .statusCode(200).body("items", hasSize(1));

        receiver.answerOtherwise(Answer.status(200));
        as(token).body(Map.of("since", start.minusSeconds(60).toString()))
                .post("/webhook-endpoints/" + endpoint + "/recovery").then().statusCode(202)
                .body("requeued", equalTo(1));
        deliveries.deliverDue(5);
        assertThat(receiver.deliveries()).hasSize(9);
        assertThat(messages(endpoint).getString("items[0].status")).isEqualTo("succeeded");
        as(token).queryParam("failed", true).get("/webhook-endpoints/" + endpoint + "/messages").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void retryAfterOf429And503IsHonoured() {
        String endpoint = endpoint("/busy");
        receiver.answerNext(new Answer(429, Map.of("Retry-After", "120"), new byte[0], 0));
        event();
        deliveries.deliverDue(5);
        Instant next = Instant.parse(messages(endpoint).getString("items[0].nextAttemptAt"));
        assertThat(Duration.between(Instant.now(), next)).isBetween(Duration.ofSeconds(115), Duration.ofSeconds(125));
        clock.advance(Duration.ofSeconds(10));
        deliveries.deliverDue(5);
        assertThat(receiver.deliveries()).hasSize(1);
        clock.advance(Duration.ofSeconds(115));
        deliveries.deliverDue(5);
        assertThat(receiver.deliveries()).hasSize(2);
    }

    @Test
    void goneDisablesTheEndpointAtOnceAndTellsItsOwner() {
        String endpoint = endpoint("/gone");
        receiver.answerNext(Answer.status(410));
        event();
        deliveries.deliverDue(5);
        as(token).get("/webhook-endpoints/" + endpoint).then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("disabledReason", equalTo("gone"));
        assertThat(messages(endpoint).getString("items[0].status")).isEqualTo("failed");
        assertThat(Sql.count(database, "SELECT count(*) FROM outbox_event WHERE type = 'notification.endpoint.disabled'"
                + " AND subject = ? AND data ->> 'reason' = 'gone'", endpoint)).isEqualTo(1);

        // nothing more is made for it, nor sent
        event();
        deliveries.deliverDue(5);
        assertThat(receiver.deliveries()).hasSize(1);
        as(token).post("/webhook-endpoints/" + endpoint + "/ping").then().statusCode(409);
    }

    @Test
    void anEndpointFailingForFiveDaysIsDisabledAndItsOwnerTold() {
        String endpoint = endpoint("/failing");
        receiver.answerOtherwise(Answer.status(503));
        event();
        deliveries.deliverDue(5);
        as(token).get("/webhook-endpoints/" + endpoint).then().body("enabled", equalTo(true));
        clock.advance(Duration.ofDays(5).plusMinutes(1));
        event();
        deliveries.deliverDue(5);
        as(token).get("/webhook-endpoints/" + endpoint).then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("disabledReason", equalTo("failing"));
        assertThat(Sql.count(database, "SELECT count(*) FROM outbox_event WHERE type = 'notification.endpoint.disabled'"
                + " AND subject = ? AND data ->> 'reason' = 'failing' AND data ->> 'failingSince' IS NOT NULL", endpoint))
                .isEqualTo(1);

        // enabled again, it receives from the next event on
        receiver.answerOtherwise(Answer.status(200));
        as(token).post("/webhook-endpoints/" + endpoint + "/enabling").then().statusCode(200)
                .body("enabled", equalTo(true)).body("disabledReason", nullValue());
        event();
        deliveries.deliverDue(5);
        assertThat(receiver.deliveries().get(receiver.deliveries().size() - 1).verified()).isTrue();
    }

    @Test
    void afterARotationBothSecretsSignFor24HoursThenOnlyTheNewOne() {
        String endpoint = endpoint("/rotating");
        String first = secret;
        as(token).get("/webhook-endpoints/" + endpoint).then().statusCode(200).body("secret", nullValue())
                .body("previousSecretExpiresAt", nullValue());
        String rotated = as(token).post("/webhook-endpoints/" + endpoint + "/secret-rotation").then().statusCode(200)
                .extract().path("secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(first);
        assertThat(java.util.Base64.getDecoder().decode(rotated.substring("whsec_".length()))).hasSize(32);
        as(token).get("/webhook-endpoints/" + endpoint).then().statusCode(200)
                .body("previousSecretExpiresAt", org.hamcrest.Matchers.notNullValue());
        // the receiver knows both while it switches
        receiver.secrets(rotated, first);
        event();
        deliveries.deliverDue(5);
        Receiver.Delivery both = receiver.deliveries().get(0);
        assertThat(both.verified()).isTrue();
        assertThat(both.signatureHeader().split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        assertThat(both.signedBy()).containsExactly(rotated, first);

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        event();
        deliveries.deliverDue(5);
        Receiver.Delivery one = receiver.deliveries().get(1);
        assertThat(one.verified()).isTrue();
        assertThat(one.signedBy()).containsExactly(rotated);
    }

    @Test
    void aPingAndAReplayArriveWithTheirIds() {
        String endpoint = endpoint("/ping");
        String ping = as(token).post("/webhook-endpoints/" + endpoint + "/ping").then().statusCode(202)
                .body("eventType", equalTo("webhook.ping"))
                .body("status", equalTo("pending"))
                .extract().path("id");
        deliveries.deliverDue(5);
        Receiver.Delivery delivered = receiver.deliveries().get(0);
        assertThat(delivered.verified()).isTrue();
        assertThat(delivered.body()).contains("\"type\":\"webhook.ping\"").contains(endpoint);

        as(token).post("/webhook-endpoints/" + endpoint + "/messages/" + ping + "/replay").then().statusCode(202)
                .body("status", equalTo("pending"));
        deliveries.deliverDue(5);
        assertThat(receiver.deliveries()).hasSize(2);
        assertThat(receiver.deliveries().get(1).webhookId()).isEqualTo(delivered.webhookId());
        as(token).post("/webhook-endpoints/" + endpoint + "/messages/" + UUID.randomUUID() + "/replay").then()
                .statusCode(404);
    }

    @Test
    void aHugeAnswerIsReadOnlyToItsFirstKilobyteAndASilentReceiverTimesOutWithoutBlockingOthers() throws Exception {
        String huge = endpoint("/huge");
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMegabytes, (byte) 'x');
        receiver.answerNext(new Answer(200, Map.of(), tenMegabytes, 0));
        event();
        deliveries.deliverDue(5);
        JsonPath attempt = attempts(huge);
        assertThat(attempt.getBoolean("items[0].succeeded")).isTrue();
        assertThat(attempt.getString("items[0].response")).hasSize(1024);

        try (Receiver silent = new Receiver(); Receiver healthy = new Receiver()) {
            silent.answerOtherwise(new Answer(200, Map.of(), new byte[0], 6_000));
            String silentId = register(token, silent.url("/silent"), List.of(), List.of()).getString("endpoint.id");
            JsonPath ok = register(token, healthy.url("/healthy"), List.of(), List.of());
            healthy.secrets(ok.getString("secret"));
            event();
            long started = System.nanoTime();
            deliveries.deliverDue(1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(healthy.deliveries()).hasSize(1).allMatch(Receiver.Delivery::verified);
            JsonPath timedOut = attempts(silentId);
            assertThat(timedOut.getBoolean("items[0].succeeded")).isFalse();
            assertThat(timedOut.getString("items[0].error")).isEqualTo("no answer within 2 s");
            assertThat(timedOut.getString("items[0].statusCode")).isNull();
        }
    }

    @Test
    void oneEndpointHasAtMostItsShareOfDeliveriesInFlight() {
        endpoint("/slow");
        receiver.answerOtherwise(new Answer(200, Map.of(), new byte[0], 300));
        for (int i = 0; i < 12; i++) {
            event();
        }
        deliveries.deliverDue(10);
        assertThat(receiver.deliveries()).hasSize(12).allMatch(Receiver.Delivery::verified);
        assertThat(receiver.maxConcurrent()).isBetween(2, 4);
    }

    @Test
    void workersClaimingTogetherDeliverEachMessageOnce() throws Exception {
        endpoint("/shared");
        JsonPath second = register(token, receiver.url("/shared-too"), List.of(), List.of());
        receiver.secrets(secret, second.getString("secret"));
        int events = 60;
        for (int i = 0; i < events; i++) {
            event();
        }
        // two claimers at once, as two replicas would be: SKIP LOCKED shares the queue between them
        java.util.concurrent.ExecutorService replicas = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> made = replicas.invokeAll(List.of(
                    () -> deliveries.deliverDue(100), () -> deliveries.deliverDue(100)));
            int attempts = made.get(0).get() + made.get(1).get();
            assertThat(attempts).isEqualTo(2 * events);
        } finally {
            replicas.shutdownNow();
        }
        List<Receiver.Delivery> received = receiver.deliveries();
        assertThat(received).hasSize(2 * events).allMatch(Receiver.Delivery::verified);
        assertThat(received.stream().map(Receiver.Delivery::webhookId).distinct().count()).isEqualTo(2L * events);
    }
}
