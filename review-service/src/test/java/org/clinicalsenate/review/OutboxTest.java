package org.clinicalsenate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicalsenate.review.AdviceRequests.body;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.review.AdviceRequests.listAllIds;
import static org.clinicalsenate.review.AdviceRequests.submit;
import static org.clinicalsenate.testing.Api.as;
import static org.clinicalsenate.testing.Api.invalid;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.clinicalsenate.api.events.model.AdviceRequestSubmitted;
import org.clinicalsenate.api.events.model.AdviceRequestLinks;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.outbox.Outbox;
import org.clinicalsenate.commons.outbox.OutboxRelay;
import org.clinicalsenate.testing.MovableClock;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The transactional outbox of advice requests and its relay to notification-service (here a real
 * HTTP receiver): an event exists exactly when its change committed, and is delivered at least
 * once, in order per aggregate, in batches (one at a time when a batch is refused), with a
 * client-credentials token.
 */
@QuarkusTest
class OutboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBMITTED = "review.advice-request.submitted";
    private static final String SINGLE = "application/cloudevents+json";

    @Inject
    TestDatabase db;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    @Inject
    MovableClock clock;

    @Inject
    MeterRegistry meters;

    /** Injected by {@link NotificationReceiverResource}. */
    NotificationReceiver receiver;

    @BeforeEach
    void nothingPendingAndAReceiverThatAccepts() {
        receiver.start();
        receiver.acceptAll();
        // events other tests left behind are not this test's business
        db.update("UPDATE outbox_event SET delivered_at = now() WHERE delivered_at IS NULL");
        receiver.forget();
    }

    @Test
    void submittingARequestWritesOneSubmittedEventWithItsFactsAndNoPersonalData() throws Exception {
        Map<String, Object> request = body(freshSenate(), "QRL", "Stroke services in Hampshire");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String id = as(Tokens.requester("QRL")).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(request).post("/advice-requests").then().statusCode(201).extract().path("id");

        List<Map<String, Object>> rows = db.rows("SELECT * FROM outbox_event WHERE aggregate_id = ?", id);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("type")).isEqualTo(SUBMITTED);
        assertThat(row.get("source")).isEqualTo("/review-service");
        assertThat(row.get("subject")).isEqualTo(id);
        assertThat(row.get("attempts")).isEqualTo(0);
        assertThat(row.get("delivered_at")).isNull();
        // ids, status and a link, as the events contract says: never the request's text
        assertThat(JSON.readValue(row.get("data").toString(), Map.class)).isEqualTo(Map.of(
                "id", id,
                "senate", request.get("senate"),
                "requestingOrganisation", "QRL",
                "kind", "clinical-review",
                "status", "received",
                "links", Map.of("self", "/advice-requests/" + id)));
        // the trace of the request that caused it continues into the event
        assertThat((String) row.get("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
    }

    @Test
    void aRefusedSubmissionWritesNoRequestNoEventAndNoAuditEntry() {
        String senate = freshSenate();
        long events = db.count("SELECT count(*) FROM outbox_event");
        long audit = db.count("SELECT count(*) FROM audit_log");

        as(Tokens.requester("QRL")).body(body(senate, "QMF")).post("/advice-requests").then().statusCode(403);
        as(Tokens.senateAdmin("london")).body(body(senate, "QRL")).post("/advice-requests").then().statusCode(403);
        invalid(as(Tokens.platformAdmin())).body(body(senate, "QRL", "")).post("/advice-requests").then()
                .statusCode(400);

        assertThat(listAllIds(Tokens.platformAdmin(), Map.of("senate", senate))).isEmpty();
        assertThat(db.count("SELECT count(*) FROM outbox_event")).isEqualTo(events);
        assertThat(db.count("SELECT count(*) FROM audit_log")).isEqualTo(audit);
    }

    @Test
    void aFailureAfterTheRequestAndItsEventWereWrittenLeavesNeither() {
        String senate = freshSenate();
        long events = db.count("SELECT count(*) FROM outbox_event");
        long audit = db.count("SELECT count(*) FROM audit_log");
        FailingAuditLog failing = new FailingAuditLog(em);
        QuarkusMock.installMockForType(failing, AuditLog.class);

        as(Tokens.platformAdmin()).body(body(senate, "QRL")).post("/advice-requests").then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinical-senate:problem:internal"))
                .body("correlationId", notNullValue());
        as(Tokens.platformAdmin()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body(senate, "QRL")).post("/advice-requests").then().statusCode(500);

        // inside each transaction the request and its event had been written before the failure...
        assertThat(failing.seenInTransaction).containsExactly("request+event", "request+event");
        // ...and the rollback took both away, with the audit entry
        assertThat(db.count("SELECT count(*) FROM advice_request WHERE senate = ?", senate)).isZero();
        assertThat(db.count("SELECT count(*) FROM outbox_event")).isEqualTo(events);
        assertThat(db.count("SELECT count(*) FROM audit_log")).isEqualTo(audit);
    }

    @Test
    void anEventPublishedInARolledBackTransactionIsNeverWritten() {
        String aggregate = UUID.randomUUID().toString();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(aggregate, submitted(aggregate));
            throw new IllegalStateException("the change failed");
        })).hasMessageContaining("the change failed");
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", aggregate)).isZero();
        assertThat(relay.relayAll()).isZero();
        assertThat(receiver.deliveries()).isEmpty();
    }

    @Test
    void theRelayDeliversEachEventOnceAsACloudEventWithAServiceToken() throws Exception {
        String senate = freshSenate();
        String id = submit(Tokens.senateAdmin(senate), body(senate, "QRL", "Maternity services"));
        Map<String, Object> row = db.rows("SELECT id, occurred_at FROM outbox_event WHERE aggregate_id = ?", id).get(0);

        assertThat(relay.relayAll()).isEqualTo(1);

        assertThat(receiver.deliveries()).hasSize(1);
        NotificationReceiver.Delivery delivery = receiver.deliveries().get(0);
        assertThat(delivery.accepted()).isTrue();
        assertThat(delivery.contentType()).startsWith(NotificationReceiver.BATCH);
        JsonNode event = delivery.event();
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("id").asText()).isEqualTo(row.get("id").toString());
        assertThat(event.path("source").asText()).isEqualTo("/review-service");
        assertThat(event.path("type").asText()).isEqualTo(SUBMITTED);
        assertThat(event.path("subject").asText()).isEqualTo(id);
        assertThat(OffsetDateTime.parse(event.path("time").asText()).toInstant())
                .isEqualTo(((java.sql.Timestamp) row.get("occurred_at")).toInstant());
        assertThat(event.path("data").path("id").asText()).isEqualTo(id);
        assertThat(event.path("data").path("senate").asText()).isEqualTo(senate);
        assertThat(event.path("data").path("kind").asText()).isEqualTo("clinical-review");
        assertThat(event.path("data").path("status").asText()).isEqualTo("received");
        assertThat(event.path("data").path("links").path("self").asText()).isEqualTo("/advice-requests/" + id);
        // thin: ids, status and links, never the request's text
        assertThat(event.path("data").has("title")).isFalse();
        assertThat(event.path("data").has("question")).isFalse();
        assertThat(event.path("traceparent").asText()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");

        // a client-credentials token of review-service, from the issuer, with the service role
        assertThat(delivery.authorization()).startsWith("Bearer ");
        JsonNode claims = jwtClaims(delivery.authorization().substring("Bearer ".length()));
        assertThat(claims.path("sub").asText()).isEqualTo("review-service");
        assertThat(claims.path("azp").asText()).isEqualTo("review-service");
        assertThat(claims.path("groups")).extracting(JsonNode::asText).contains("service");
        assertThat(claims.path("iss").asText()).isEqualTo(System.getProperty("senate.test.issuer-url"));

        Map<String, Object> delivered = db.rows("SELECT * FROM outbox_event WHERE aggregate_id = ?", id).get(0);
        assertThat(delivered.get("delivered_at")).isNotNull();
        assertThat(delivered.get("last_error")).isNull();

        assertThat(relay.relayAll()).isZero();
        assertThat(receiver.deliveries()).hasSize(1);
    }

    @Test
    void whileNotificationServiceIsDownEventsWaitThenArriveOnceAndInOrder() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        receiver.stop();
        UUID a1 = publish(a);
        UUID b1 = publish(b);
        UUID a2 = publish(a);

        assertThat(relay.relayAll()).isZero();

        // the head of each aggregate was tried once and now backs off; a2 waits behind a1
        assertThat(event(a1)).containsEntry("attempts", 1).containsEntry("delivered_at", null);
        assertThat(event(b1)).containsEntry("attempts", 1).containsEntry("delivered_at", null);
        assertThat(event(a2)).containsEntry("attempts", 0).containsEntry("delivered_at", null);
        for (UUID tried : List.of(a1, b1)) {
            assertThat(event(tried).get("last_error")).isNotNull();
            assertThat(db.count("SELECT count(*) FROM outbox_event WHERE id = ? AND next_attempt_at > now()", tried))
                    .isEqualTo(1);
        }

        receiver.start();
        assertThat(relay.relayAll()).as("nothing is retried before its backoff has passed").isZero();
        assertThat(receiver.deliveries()).isEmpty();

        db.update("UPDATE outbox_event SET next_attempt_at = now() WHERE id IN (?, ?, ?)", a1, b1, a2);
        assertThat(relay.relayAll()).isEqualTo(3);

        assertThat(deliveredIds()).containsExactlyInAnyOrder(a1.toString(), b1.toString(), a2.toString());
        assertThat(deliveredIds()).containsSubsequence(a1.toString(), a2.toString());
        // the heads together, then a2 once a1 was delivered
        assertThat(requestIds()).containsExactly(List.of(a1.toString(), b1.toString()), List.of(a2.toString()));
        for (UUID id : List.of(a1, b1, a2)) {
            assertThat(event(id).get("delivered_at")).isNotNull();
            assertThat(event(id).get("last_error")).isNull();
        }

        assertThat(relay.relayAll()).isZero();
        assertThat(receiver.deliveries()).hasSize(3);
    }

    @Test
    void eventsDueTogetherGoInOneRequestOfUpToTheBatchSizeWithTheBatchMediaTypeAndAServiceToken() throws Exception {
        List<UUID> events = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> published = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String aggregate = UUID.randomUUID().toString();
                published.add(outbox.publish(aggregate, submitted(aggregate)));
            }
            return published;
        });

        assertThat(relay.relayAll()).isEqualTo(60);

        // 60 due events, batch size 50: two requests, in the order the events were written
        List<String> ids = events.stream().map(UUID::toString).toList();
        assertThat(requestIds()).containsExactly(ids.subList(0, 50), ids.subList(50, 60));
        assertThat(receiver.deliveries()).allSatisfy(delivery -> {
            assertThat(delivery.contentType()).startsWith(NotificationReceiver.BATCH);
            assertThat(delivery.status()).isEqualTo(202);
        });
        List<String> tokens = receiver.deliveries().stream().map(NotificationReceiver.Delivery::authorization)
                .distinct().toList();
        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0)).startsWith("Bearer ");
        assertThat(jwtClaims(tokens.get(0).substring("Bearer ".length())).path("sub").asText())
                .isEqualTo("review-service");
        for (UUID id : events) {
            assertThat(event(id).get("delivered_at")).isNotNull();
        }
        assertThat(relay.relayAll()).isZero();
        assertThat(receiver.deliveries()).hasSize(60);
    }

    @Test
    void anAggregatesEventsArriveInOrderOneBatchAfterAnother() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        UUID a1 = publish(a);
        UUID b1 = publish(b);
        UUID a2 = publish(a);
        UUID c1 = publish(c);
        UUID b2 = publish(b);
        UUID a3 = publish(a);

        assertThat(relay.relayAll()).isEqualTo(6);

        // a batch holds at most one event of an aggregate: the next goes once the one before is delivered
        assertThat(requestIds()).containsExactly(
                List.of(a1.toString(), b1.toString(), c1.toString()),
                List.of(a2.toString(), b2.toString()),
                List.of(a3.toString()));
    }

    @Test
    void aFaultLeavesEveryEventOfItsBatchPendingAndTheyAreDeliveredLaterOnce() {
        String a = UUID.randomUUID().toString();
        UUID a1 = publish(a);
        UUID b1 = publish(UUID.randomUUID().toString());
        UUID c1 = publish(UUID.randomUUID().toString());
        UUID a2 = publish(a);
        receiver.reject(event -> event.path("id").asText().equals(b1.toString()));

        assertThat(relay.relayAll()).isZero();

        // one request, answered 500: notification-service stored none of it, so none is delivered
        assertThat(requestIds()).containsExactly(List.of(a1.toString(), b1.toString(), c1.toString()));
        assertThat(receiver.deliveries()).extracting(NotificationReceiver.Delivery::status).containsOnly(500);
        for (UUID tried : List.of(a1, b1, c1)) {
            assertThat(event(tried)).containsEntry("attempts", 1).containsEntry("delivered_at", null);
            assertThat((String) event(tried).get("last_error")).contains("500");
            assertThat(db.count("SELECT count(*) FROM outbox_event WHERE id = ? AND next_attempt_at > now()", tried))
                    .isEqualTo(1);
        }
        assertThat(event(a2)).containsEntry("attempts", 0).containsEntry("delivered_at", null);

        receiver.acceptAll();
        db.update("UPDATE outbox_event SET next_attempt_at = now() WHERE id IN (?, ?, ?)", a1, b1, c1);
        assertThat(relay.relayAll()).isEqualTo(4);

        // nothing lost, each delivered once, a1 before a2; batches throughout (a fault is no refusal)
        assertThat(deliveredIds()).containsExactlyInAnyOrder(a1.toString(), b1.toString(), c1.toString(), a2.toString());
        assertThat(deliveredIds()).containsSubsequence(a1.toString(), a2.toString());
        assertThat(receiver.deliveries()).allSatisfy(
                delivery -> assertThat(delivery.contentType()).startsWith(NotificationReceiver.BATCH));
        assertThat(relay.relayAll()).isZero();
    }

    @Test
    void aRefusedBatchIsSentOneEventAtATimeSoThatOnlyTheRefusedEventAndItsAggregateWait() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        UUID a1 = publish(a);
        UUID a2 = publish(a);
        UUID b1 = publish(b);
        receiver.refuse(event -> event.path("id").asText().equals(a1.toString()));

        assertThat(relay.relayAll()).isEqualTo(1);

        // the batch refused (422), then each of its events alone: a1 refused again, b1 delivered
        List<List<NotificationReceiver.Delivery>> requests = receiver.requests();
        assertThat(requestIds()).containsExactly(List.of(a1.toString(), b1.toString()), List.of(a1.toString()),
                List.of(b1.toString()));
        assertThat(requests.get(0)).allSatisfy(delivery -> {
            assertThat(delivery.contentType()).startsWith(NotificationReceiver.BATCH);
            assertThat(delivery.status()).isEqualTo(422);
        });
        assertThat(requests.get(1).get(0).status()).isEqualTo(422);
        assertThat(requests.get(2).get(0).status()).isEqualTo(201);
        assertThat(requests.subList(1, 3)).allSatisfy(alone -> {
            assertThat(alone.get(0).contentType()).startsWith(SINGLE);
            assertThat(alone.get(0).authorization()).startsWith("Bearer ");
        });
        assertThat(deliveredIds()).containsExactly(b1.toString());
        assertThat(event(b1).get("delivered_at")).isNotNull();
        // a1 backs off (one attempt: its own), a2 waits behind it and was never sent
        assertThat(event(a1)).containsEntry("attempts", 1).containsEntry("delivered_at", null);
        assertThat((String) event(a1).get("last_error")).contains("422");
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE id = ? AND next_attempt_at > now()", a1))
                .isEqualTo(1);
        assertThat(event(a2)).containsEntry("attempts", 0).containsEntry("delivered_at", null);
        assertThat(receiver.deliveries()).extracting(NotificationReceiver.Delivery::id).doesNotContain(a2.toString());

        // refused again when it is alone in its batch: that answer is its own, not sent a second time
        db.update("UPDATE outbox_event SET next_attempt_at = now() WHERE id = ?", a1);
        assertThat(relay.relayAll()).isZero();
        assertThat(receiver.requests()).hasSize(4);
        assertThat(event(a1)).containsEntry("attempts", 2).containsEntry("delivered_at", null);

        receiver.acceptAll();
        db.update("UPDATE outbox_event SET next_attempt_at = now() WHERE id = ?", a1);
        assertThat(relay.relayAll()).isEqualTo(2);
        // nothing lost, each delivered once, in order per aggregate
        assertThat(deliveredIds()).containsExactly(b1.toString(), a1.toString(), a2.toString());
        assertThat(relay.relayAll()).isZero();
    }

    @Test
    void anEventThatKeepsFailingIsGivenUpAfterThreeDaysCountedAndCanBeRequeued() {
        String a = UUID.randomUUID().toString();
        UUID a1 = publish(a);
        UUID a2 = publish(a);
        receiver.reject(event -> event.path("id").asText().equals(a1.toString()));
        double deadBefore = deadCounter();
        try {
            assertThat(relay.relayAll()).isZero();
            // each retry waits between half and all of its exponential step (1 min in tests, then 2, 4...)
            Map<String, Object> first = event(a1);
            assertThat(first).containsEntry("attempts", 1).containsEntry("dead_at", null);

            clock.advance(java.time.Duration.ofDays(2));
            db.update("UPDATE outbox_event SET next_attempt_at = occurred_at WHERE id = ?", a1);
            assertThat(relay.relayAll()).as("two days in, it is still retried").isZero();
            assertThat(event(a1)).containsEntry("attempts", 2).containsEntry("dead_at", null);
            assertThat(deadCounter()).isEqualTo(deadBefore);

            clock.advance(java.time.Duration.ofDays(1));
            db.update("UPDATE outbox_event SET next_attempt_at = occurred_at WHERE id = ?", a1);
            // three days in, it is given up on, and no longer holds back a2
            assertThat(relay.relayAll()).isEqualTo(1);
            assertThat(event(a1).get("dead_at")).isNotNull();
            assertThat(deadCounter()).isEqualTo(deadBefore + 1);
            assertThat(deliveredIds()).containsExactly(a2.toString());
            assertThat(relay.relayAll()).as("a dead event is not retried").isZero();

            // a platform-admin re-queues it once the receiver is fixed
            receiver.acceptAll();
            as(Tokens.senateAdmin("south-east")).get("/outbox/dead-events").then().statusCode(403);
            as(Tokens.platformAdmin()).get("/outbox/dead-events").then().statusCode(200)
                    .body("items.event.id", org.hamcrest.Matchers.hasItem(a1.toString()))
                    .body("items.find { it.event.id == '" + a1 + "' }.attempts", equalTo(3))
                    .body("items.find { it.event.id == '" + a1 + "' }.lastError", notNullValue());
            as(Tokens.senateAdmin("south-east")).post("/outbox/dead-events/" + a1 + "/requeue").then().statusCode(403);
            as(Tokens.platformAdmin()).post("/outbox/dead-events/" + a1 + "/requeue").then().statusCode(200)
                    .body("id", equalTo(a1.toString())).body("type", equalTo(SUBMITTED));
            as(Tokens.platformAdmin()).post("/outbox/dead-events/" + a1 + "/requeue").then().statusCode(404)
                    .contentType("application/problem+json");
            as(Tokens.platformAdmin()).queryParam("entityType", "outbox-event").queryParam("entityId", a1.toString())
                    .get("/audit-entries").then().statusCode(200)
                    .body("items.action", org.hamcrest.Matchers.contains("requeued"))
                    .body("items[0].actor", equalTo("platform-admin-1"));
            assertThat(as(Tokens.platformAdmin()).get("/outbox/dead-events").then().extract()
                    .<List<String>>path("items.event.id")).doesNotContain(a1.toString());
            assertThat(relay.relayAll()).isEqualTo(1);
            assertThat(deliveredIds()).containsExactly(a2.toString(), a1.toString());
        } finally {
            clock.reset();
        }
    }

    @Test
    void retriesAreSpreadSoThatEventsThatFailedTogetherAreNotRetriedTogether() {
        receiver.stop();
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(publish(UUID.randomUUID().toString()));
        }
        assertThat(relay.relayAll()).isZero();
        List<Object> nextAttempts = events.stream().map(id -> event(id).get("next_attempt_at")).distinct().toList();
        assertThat(nextAttempts).as("jitter: each event waits its own time").hasSizeGreaterThan(10);
        for (UUID id : events) {
            // the first retry waits between half and all of the initial backoff (1 min in tests)
            assertThat(db.count("SELECT count(*) FROM outbox_event WHERE id = ? AND next_attempt_at "
                    + "BETWEEN occurred_at + interval '30 seconds' AND now() + interval '60 seconds'", id)).isEqualTo(1);
        }
        db.update("UPDATE outbox_event SET delivered_at = now() WHERE delivered_at IS NULL");
    }

    private double deadCounter() {
        var counter = meters.find("senate.outbox.events.dead").counter();
        return counter == null ? 0 : counter.count();
    }

    private UUID publish(String aggregate) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.publish(aggregate, submitted(aggregate)));
    }

    private static AdviceRequestSubmitted submitted(String id) {
        return new AdviceRequestSubmitted().id(UUID.fromString(id)).senate("south-east").requestingOrganisation("QRL")
                .kind("clinical-review").status("received")
                .links(new AdviceRequestLinks().self("/advice-requests/" + id));
    }

    private Map<String, Object> event(UUID id) {
        return db.rows("SELECT attempts, next_attempt_at, last_error, delivered_at, dead_at FROM outbox_event WHERE id = ?",
                id).get(0);
    }

    private List<String> deliveredIds() {
        return receiver.accepted().stream().map(NotificationReceiver.Delivery::id).toList();
    }

    /** The ids of the events of each POST /events, in arrival order. */
    private List<List<String>> requestIds() {
        return receiver.requests().stream()
                .map(request -> request.stream().map(NotificationReceiver.Delivery::id).toList()).toList();
    }

    private static JsonNode jwtClaims(String jwt) throws Exception {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    /**
     * Stands in for the audit log and fails, after the request and its event were written in the
     * same transaction; it notes what that transaction could see at that moment.
     */
    class FailingAuditLog extends AuditLog {
        final List<String> seenInTransaction = new ArrayList<>();
        private final EntityManager transactional;

        FailingAuditLog(EntityManager transactional) {
            this.transactional = transactional;
        }

        @Override
        public void record(String action, String entityType, String entityId, String senate,
                Map<String, Object> changes) {
            Number requests = (Number) transactional
                    .createNativeQuery("SELECT count(*) FROM advice_request WHERE id = CAST(:id AS uuid)")
                    .setParameter("id", entityId).getSingleResult();
            Number events = (Number) transactional
                    .createNativeQuery("SELECT count(*) FROM outbox_event WHERE aggregate_id = :id")
                    .setParameter("id", entityId).getSingleResult();
            seenInTransaction.add(requests.intValue() == 1 && events.intValue() == 1 ? "request+event" : "missing");
            throw new IllegalStateException("the audit log is unavailable");
        }
    }
}
