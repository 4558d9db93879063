package org.clinicalsenate.commons.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.commons.events.EventCatalog;
import org.clinicalsenate.commons.events.EventCatalog.EventType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * Writes events in the caller's transaction (MANDATORY): the event exists if and only if the
 * change it describes was committed. The relay delivers it later.
 */
@ApplicationScoped
public class Outbox {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    EventCatalog catalog;

    @Inject
    ObjectMapper json;

    /**
     * @param subject the id of the entity the event is about (the CloudEvents {@code subject}); the
     *                events of one entity are delivered in order
     * @param data    the event's data: an instance of one of the events contract's generated classes,
     *                which says the event's type
     */
    @Transactional(TxType.MANDATORY)
    public UUID publish(String subject, Object data) {
        EventType type = catalog.ofData(data);
        if (!type.source().equals(config.source())) {
            throw new IllegalStateException(type.type() + " is published by " + type.source() + ", not by "
                    + config.source());
        }
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.type = type.type();
        event.source = config.source();
        event.subject = subject;
        event.aggregateId = subject;
        // the database keeps microseconds: what is relayed is what was stored
        event.occurredAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        event.data = json.convertValue(data, JSON_OBJECT);
        event.traceparent = traceparent();
        event.nextAttemptAt = event.occurredAt;
        em.persist(event);
        return event.id;
    }

    /** The W3C traceparent of the current span (the request being served), if it is traced. */
    private static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : null;
    }
}
