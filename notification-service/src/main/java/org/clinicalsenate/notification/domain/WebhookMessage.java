package org.clinicalsenate.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event (or test message) for one endpoint, and where its delivery stands. Messages of events
 * are written by the fan-out's SQL in the transaction that stores the event (FanOut).
 */
@Entity
@Table(name = "webhook_message")
public class WebhookMessage {

    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String PING = "webhook.ping";

    @Id
    public UUID id;

    @Column(nullable = false, insertable = false, updatable = false)
    public Long seq;

    @Column(name = "endpoint_id", nullable = false, updatable = false)
    public UUID endpointId;

    @Column(name = "event_id", updatable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    /** The body exactly as signed. */
    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    /** Failed attempts since the message was last queued: which delay of the schedule comes next. */
    @Column(nullable = false)
    public int scheduled;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "succeeded_at")
    public Instant succeededAt;

    /** The Standard Webhooks {@code webhook-id}: the same on every attempt. */
    public static String webhookId(UUID id) {
        return "msg_" + id.toString().replace("-", "");
    }

    public String webhookId() {
        return webhookId(id);
    }

    /** A test message for an endpoint, due at once. */
    public static WebhookMessage ping(UUID endpointId, String payload, Instant now) {
        WebhookMessage message = new WebhookMessage();
        message.id = UUID.randomUUID();
        message.endpointId = endpointId;
        message.eventType = PING;
        message.payload = payload;
        message.status = PENDING;
        message.createdAt = now;
        message.nextAttemptAt = now;
        return message;
    }

    /** Queued again (replay, recovery): due now, with a fresh retry schedule and the same webhook-id. */
    public void requeue(Instant now) {
        status = PENDING;
        scheduled = 0;
        nextAttemptAt = now;
    }

    public void attempted(Instant at) {
        attempts++;
        lastAttemptAt = at;
    }

    public void succeeded(Instant at) {
        status = SUCCEEDED;
        succeededAt = at;
        nextAttemptAt = null;
    }

    public void retryAt(Instant at) {
        scheduled++;
        nextAttemptAt = at;
    }

    public void failed() {
        status = FAILED;
        nextAttemptAt = null;
    }
}
