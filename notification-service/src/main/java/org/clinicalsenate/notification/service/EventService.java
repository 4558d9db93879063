package org.clinicalsenate.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.common.model.CloudEvent;
import org.clinicalsenate.api.common.model.FieldError;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.notification.config.WebhookConfig;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.page.Keyset;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.notification.domain.ReceivedEvent;
import org.clinicalsenate.notification.repository.ReceivedEventRepository;
import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

@ApplicationScoped
@Transactional
public class EventService {

    /**
     * The first delivery of an id wins; a concurrent duplicate waits for it to commit and then
     * inserts nothing (native SQL: an HQL insert cannot bind the jsonb column).
     */
    private static final String INSERT_FIRST_DELIVERY = """
            INSERT INTO received_event (event_id, source, type, subject, time, datacontenttype, traceparent, data,
                                        received_at, deliveries)
            VALUES (:id, :source, :type, :subject, :time, :datacontenttype, :traceparent, CAST(:data AS jsonb),
                    :receivedAt, 1)
            ON CONFLICT (event_id) DO NOTHING
            """;

    /** Plain Jackson, as Hibernate reads the column: the REST mapper's customisations must not change what is stored. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Clock clock;

    @Inject
    ReceivedEventRepository events;

    @Inject
    AuditLog audit;

    @Inject
    IncomingEvents incoming;

    @Inject
    Caller caller;

    @Inject
    FanOut fanOut;

    @Inject
    WebhookConfig webhooks;

    /** The stored event, and whether this delivery was the first. */
    public record Receipt(ReceivedEvent event, boolean first) {
    }

    /**
     * Checks the event (its source is the caller, its type and data those of the events contract),
     * then stores it. Idempotent on the event id, also under concurrent duplicates: the insert either
     * wins or, once the winner has committed, does nothing; there is no check-then-insert race.
     */
    public Receipt receive(CloudEvent event) {
        incoming.check(event, "/" + caller.serviceClient().orElse(""));
        return store(event);
    }

    /** How a batch went: how many events it held, how many were new, how many redeliveries. */
    public record BatchReceipt(int events, int received, int redelivered) {
    }

    /**
     * A batch, checked whole before anything is stored (a refused event is named by its index), then
     * stored in this one transaction with its fan-out: every event or none.
     */
    public BatchReceipt receiveBatch(List<CloudEvent> batch) {
        String source = "/" + caller.serviceClient().orElse("");
        for (int i = 0; i < batch.size(); i++) {
            try {
                incoming.check(batch.get(i), source);
            } catch (ProblemException e) {
                String at = "[" + i + "]";
                throw new ProblemException(e.type(), "Event " + at + ": " + e.getMessage(), e.errors().stream()
                        .map(f -> new FieldError(at + (f.getField().isEmpty() ? "" : "." + f.getField()), f.getMessage()))
                        .toList(), e.allowed());
            }
        }
        int received = 0;
        for (CloudEvent event : batch) {
            received += store(event).first() ? 1 : 0;
        }
        return new BatchReceipt(batch.size(), received, batch.size() - received);
    }

    private Receipt store(CloudEvent event) {
        // typed parameters, so that a null binds as a null of the column's type
        NativeQuery<?> insert = events.getEntityManager().createNativeQuery(INSERT_FIRST_DELIVERY)
                .unwrap(NativeQuery.class);
        int inserted = insert
                .setParameter("id", event.getId(), String.class)
                .setParameter("source", event.getSource(), String.class)
                .setParameter("type", event.getType(), String.class)
                .setParameter("subject", event.getSubject(), String.class)
                .setParameter("time", event.getTime() == null ? null : event.getTime().toInstant(), Instant.class)
                .setParameter("datacontenttype", event.getDatacontenttype(), String.class)
                .setParameter("traceparent", event.getTraceparent(), String.class)
                .setParameter("data", event.getData() == null ? null : json(event.getData()), String.class)
                .setParameter("receivedAt", Instant.now(clock), Instant.class)
                .executeUpdate();
        if (inserted == 1) {
            ReceivedEvent stored = events.findById(event.getId());
            audit.record("received", "event", stored.eventId, null, summary(stored));
            Instant now = Instant.now(clock);
            fanOut.of(stored, now, now.plus(webhooks.retrySchedule().get(0)));
            return new Receipt(stored, true);
        }
        // the first delivery has committed (the insert waited for it); concurrent redeliveries
        // take turns on the row lock, so none of them is lost from the count
        ReceivedEvent stored = events.findById(event.getId(), LockModeType.PESSIMISTIC_WRITE);
        stored.redelivered(event.getType(), event.getSource());
        return new Receipt(stored, false);
    }

    /** Newest first, optionally of one type. */
    @Transactional(TxType.SUPPORTS)
    public Page<ReceivedEvent> list(String type, Integer limit, String cursor) {
        return Keyset.over(events, "events")
                .filter("type = :type", "type", type)
                .orderBy(Keyset.Order.DESCENDING, Keyset.key("seq", Long.class, (ReceivedEvent e) -> e.seq))
                .page(limit, cursor);
    }

    private static String json(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the data of an event", e);
        }
    }

    private static Map<String, Object> summary(ReceivedEvent e) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", e.type);
        values.put("source", e.source);
        if (e.subject != null) {
            values.put("subject", e.subject);
        }
        return values;
    }
}
