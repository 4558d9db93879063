package org.clinicalsenate.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One attempt to deliver a message: what the receiver answered (its first 1 KB), or the error. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    /** How much of a receiver's answer is kept (and read). */
    public static final int RESPONSE_LIMIT = 1024;

    @Id
    public UUID id;

    @Column(nullable = false, insertable = false, updatable = false)
    public Long seq;

    @Column(name = "message_id", nullable = false, updatable = false)
    public UUID messageId;

    @Column(name = "endpoint_id", nullable = false, updatable = false)
    public UUID endpointId;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    public Instant attemptedAt;

    @Column(nullable = false, updatable = false)
    public boolean succeeded;

    @Column(name = "status_code", updatable = false)
    public Integer statusCode;

    @Column(name = "duration_ms", nullable = false, updatable = false)
    public int durationMs;

    @Column(updatable = false)
    public String response;

    @Column(updatable = false)
    public String error;

    public static WebhookAttempt of(WebhookMessage message, Instant at, Integer statusCode, long durationMs,
            String response, String error) {
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.id = UUID.randomUUID();
        attempt.messageId = message.id;
        attempt.endpointId = message.endpointId;
        attempt.attemptedAt = at;
        attempt.statusCode = statusCode;
        attempt.succeeded = statusCode != null && statusCode >= 200 && statusCode < 300 && error == null;
        attempt.durationMs = (int) Math.max(0, Math.min(Integer.MAX_VALUE, durationMs));
        attempt.response = response == null || response.length() <= RESPONSE_LIMIT ? response
                : response.substring(0, RESPONSE_LIMIT);
        attempt.error = error;
        return attempt;
    }
}
