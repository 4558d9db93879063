package org.clinicalsenate.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.clinicalsenate.commons.database.JsonParameter;
import org.clinicalsenate.commons.page.Keyset;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.notification.domain.ReceivedEvent;
import org.clinicalsenate.notification.repository.ReceivedEventRepository;


@ApplicationScoped
@Transactional
public class EventService {

    /**
     * The first delivery of each id wins; a concurrent duplicate waits for it to commit and then
     * inserts nothing. One statement for a whole batch (a JSON array, in its order); it returns the
     * ids it stored.
     */
    private static final String INSERT_FIRST_DELIVERIES = """
            INSERT INTO received_event (event_id, source, type, subject, time, datacontenttype, traceparent, data,
                                        received_at, deliveries)
            SELECT r.e ->> 'id', r.e ->> 'source', r.e ->> 'type', r.e ->> 'subject',
                   CAST(r.e ->> 'time' AS timestamptz), r.e ->> 'datacontenttype', r.e ->> 'traceparent',
                   NULLIF(r.e -> 'data', 'null'), :receivedAt, 1
              FROM jsonb_array_elements(CAST(:events AS jsonb)) WITH ORDINALITY AS r (e, n)
             ORDER BY r.n
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id
            """;

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
        boolean first = store(List.of(event)).get(0);
        return new Receipt(events.findById(event.getId()), first);
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
        int received = (int) store(batch).stream().filter(first -> first).count();
        return new BatchReceipt(batch.size(), received, batch.size() - received);
    }

    /**
     * Stores checked events, with their audit entries and fan-out, a statement per table whatever
     * their number; whether each was the first delivery of its id, in their order.
     */
    private List<Boolean> store(List<CloudEvent> batch) {
        Instant receivedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        @SuppressWarnings("unchecked")
        Set<String> inserted = new HashSet<>(events.getEntityManager().createNativeQuery(INSERT_FIRST_DELIVERIES)
                .setParameter("events", JsonParameter.of(batch.stream().map(EventService::row).toList()))
                .setParameter("receivedAt", receivedAt)
                .getResultList());
        List<Boolean> first = new ArrayList<>(batch.size());
        List<FanOut.Stored> stored = new ArrayList<>(inserted.size());
        List<AuditLog.Entry> audited = new ArrayList<>(inserted.size());
        for (CloudEvent event : batch) {
            // an id twice in one batch: its second copy is a redelivery
            if (inserted.remove(event.getId())) {
                first.add(true);
                Instant time = event.getTime() == null ? receivedAt
                        : event.getTime().toInstant().truncatedTo(ChronoUnit.MICROS);
                stored.add(new FanOut.Stored(event.getId(), event.getType(), time,
                        event.getData() == null ? Map.of() : event.getData()));
                audited.add(new AuditLog.Entry(event.getId(), null, summary(event)));
            } else {
                first.add(false);
                // the first delivery has committed (the insert waited for it); concurrent redeliveries
                // take turns on the row lock, so none of them is lost from the count
                events.findById(event.getId(), LockModeType.PESSIMISTIC_WRITE)
                        .redelivered(event.getType(), event.getSource());
            }
        }
        audit.recordAll("received", "event", audited);
        Instant now = Instant.now(clock);
        fanOut.of(stored, now, now.plus(webhooks.retrySchedule().get(0)));
        return first;
    }

    /** An event as the insert reads it; the time in microseconds, as the column keeps it. */
    private static Map<String, Object> row(CloudEvent event) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", event.getId());
        row.put("source", event.getSource());
        row.put("type", event.getType());
        row.put("subject", event.getSubject());
        row.put("time", event.getTime() == null ? null
                : event.getTime().toInstant().truncatedTo(ChronoUnit.MICROS).toString());
        row.put("datacontenttype", event.getDatacontenttype());
        row.put("traceparent", event.getTraceparent());
        row.put("data", event.getData());
        return row;
    }

    /** Newest first, optionally of one type. */
    @Transactional(TxType.SUPPORTS)
    public Page<ReceivedEvent> list(String type, Integer limit, String cursor) {
        return Keyset.over(events, "events")
                .filter("type = :type", "type", type)
                .orderBy(Keyset.Order.DESCENDING, Keyset.key("seq", Long.class, (ReceivedEvent e) -> e.seq))
                .page(limit, cursor);
    }


    private static Map<String, Object> summary(CloudEvent e) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", e.getType());
        values.put("source", e.getSource());
        if (e.getSubject() != null) {
            values.put("subject", e.getSubject());
        }
        return values;
    }
}
