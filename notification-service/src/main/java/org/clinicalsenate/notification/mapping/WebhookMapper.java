package org.clinicalsenate.notification.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.clinicalsenate.api.notification.model.WebhookAttempt;
import org.clinicalsenate.api.notification.model.WebhookEndpoint;
import org.clinicalsenate.api.notification.model.WebhookMessage;
import org.clinicalsenate.api.notification.model.WebhookPayload;
import org.clinicalsenate.commons.mapping.Times;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Webhook endpoints, messages and attempts as the contract shows them (never a secret but where shown once). */
@ApplicationScoped
public class WebhookMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    public WebhookEndpoint toApi(org.clinicalsenate.notification.domain.WebhookEndpoint e, Instant now) {
        return new WebhookEndpoint()
                .id(e.id)
                .url(e.url)
                .description(e.description)
                .eventTypes(e.eventTypes())
                .senates(e.senates())
                .enabled(e.enabled)
                .disabledReason(e.disabledReason())
                .disabledAt(utc(e.disabledAt))
                .owner(e.owner)
                .previousSecretExpiresAt(utc(e.previousSecretExpiresAt(now)))
                .createdAt(utc(e.createdAt))
                .updatedAt(utc(e.updatedAt));
    }

    public WebhookMessage toApi(org.clinicalsenate.notification.domain.WebhookMessage m) {
        return new WebhookMessage()
                .id(m.id)
                .webhookId(m.webhookId())
                .endpointId(m.endpointId)
                .eventId(m.eventId)
                .eventType(m.eventType)
                .status(m.status)
                .attempts(m.attempts)
                .createdAt(utc(m.createdAt))
                .nextAttemptAt(utc(m.nextAttemptAt))
                .lastAttemptAt(utc(m.lastAttemptAt))
                .succeededAt(utc(m.succeededAt))
                .payload(payload(m.payload));
    }

    public WebhookAttempt toApi(org.clinicalsenate.notification.domain.WebhookAttempt a) {
        return new WebhookAttempt()
                .id(a.id)
                .messageId(a.messageId)
                .webhookId(org.clinicalsenate.notification.domain.WebhookMessage.webhookId(a.messageId))
                .attemptedAt(utc(a.attemptedAt))
                .succeeded(a.succeeded)
                .statusCode(a.statusCode)
                .durationMs(a.durationMs)
                .response(a.response)
                .error(a.error);
    }

    @SuppressWarnings("unchecked")
    static WebhookPayload payload(String body) {
        try {
            Map<String, Object> parsed = JSON.readValue(body, OBJECT);
            return new WebhookPayload()
                    .type((String) parsed.get("type"))
                    .timestamp(OffsetDateTime.parse((String) parsed.get("timestamp")))
                    .data((Map<String, Object>) parsed.get("data"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored webhook body is not JSON", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : Times.utc(instant);
    }
}
