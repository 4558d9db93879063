package org.clinicalsenate.commons.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.events.EventCatalog;
import org.clinicalsenate.commons.events.EventCatalog.EventType;
import org.clinicalsenate.commons.page.Keyset;
import org.clinicalsenate.commons.page.Page;

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

    public static final String ENTITY_TYPE = "outbox-event";

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    @Inject
    Clock clock;

    @Inject
    OutboxEvents events;

    @Inject
    AuditLog audit;

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
        events.persist(event);
        return event.id;
    }

    /** The events given up on and not delivered since, oldest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<OutboxEvent> dead(Integer limit, String cursor) {
        return Keyset.over(events, "dead-events")
                .where("deadAt is not null and deliveredAt is null")
                .orderBy(Keyset.Order.ASCENDING, Keyset.key("seq", Long.class, e -> e.seq))
                .page(limit, cursor);
    }

    /** Puts a dead event back in the queue, due now, audited; empty when there is no dead event with this id. */
    @Transactional
    public Optional<OutboxEvent> requeue(UUID id) {
        OutboxEvent event = events.find("id = ?1 and deadAt is not null and deliveredAt is null", id).firstResult();
        if (event == null) {
            return Optional.empty();
        }
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("type", event.type);
        was.put("attempts", event.attempts);
        was.put("lastError", event.lastError);
        event.deadAt = null;
        event.attempts = 0;
        event.nextAttemptAt = Instant.now(clock);
        audit.record("requeued", ENTITY_TYPE, id.toString(), null, was);
        return Optional.of(event);
    }

    /** The W3C traceparent of the current span (the request being served), if it is traced. */
    private static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : null;
    }
}
