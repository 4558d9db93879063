package org.clinicalsenate.notification.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.commons.database.JsonParameter;
import org.clinicalsenate.notification.domain.Audience;


/**
 * Received events' webhook messages: one pending message for each enabled endpoint that wants an
 * event (its types and senates) and whose owner may see it ({@link Audience#sees}, here as SQL), in
 * the transaction that stores the events. One statement whatever the number of endpoints and
 * events; a message is made once per event and endpoint however often the event arrives.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class FanOut {

    /** The organisations of advice requests, learnt from the events that carry them (a JSON array). */
    private static final String REMEMBER_ORGANISATIONS = """
            INSERT INTO advice_request_scope (advice_request_id, organisation)
            SELECT CAST(r ->> 'id' AS uuid), r ->> 'organisation' FROM jsonb_array_elements(CAST(:rows AS jsonb)) r
            ON CONFLICT (advice_request_id) DO NOTHING
            """;

    private static final String ORGANISATIONS_OF = """
            SELECT advice_request_id, organisation FROM advice_request_scope
             WHERE advice_request_id = ANY (CAST(:ids AS uuid[]))
            """;

    /**
     * Audience.sees, and the endpoint's own filters, as one statement over the enabled endpoints and
     * the events (a JSON array, in its order).
     */
    private static final String FAN_OUT = """
            INSERT INTO webhook_message (id, endpoint_id, event_id, event_type, payload, status, created_at,
                                         next_attempt_at)
            SELECT gen_random_uuid(), e.id, v.event_id, v.type, v.payload, 'pending', :now, :due
              FROM jsonb_array_elements(CAST(:events AS jsonb)) WITH ORDINALITY AS r (ev, n)
             CROSS JOIN LATERAL (SELECT r.ev ->> 'eventId' AS event_id, r.ev ->> 'type' AS type,
                                        r.ev ->> 'payload' AS payload, r.ev ->> 'senate' AS senate,
                                        CAST(r.ev ->> 'review' AS boolean) AS review,
                                        r.ev ->> 'organisation' AS organisation) v
              JOIN webhook_endpoint e
                ON e.enabled
               AND (cardinality(e.event_types) = 0 OR v.type = ANY (e.event_types))
               AND (cardinality(e.senates) = 0 OR v.senate = ANY (e.senates))
               AND (e.sees_all
                    OR (v.review AND e.sees_all_reviews)
                    OR v.senate = ANY (e.owner_senates)
                    OR (v.review AND e.owner_organisation = v.organisation))
             ORDER BY r.n
            ON CONFLICT (endpoint_id, event_id) DO NOTHING
            """;

    @Inject
    EntityManager em;

    /** Announced when messages were made, so that the workers start once the transaction commits. */
    @Inject
    Event<MessagesQueued> queued;

    /** Messages were made (and will be due once their transaction commits). */
    public record MessagesQueued(int count) {
    }

    /** A stored event, as its messages need it. */
    public record Stored(String eventId, String type, Instant time, Map<String, Object> data) {
    }

    /**
     * @param due when the first attempt is due (now, after the schedule's first delay)
     * @return how many messages were made
     */
    public int of(List<Stored> events, Instant now, Instant due) {
        if (events.isEmpty()) {
            return 0;
        }
        Map<UUID, String> organisations = organisations(events);
        List<Map<String, Object>> rows = new ArrayList<>(events.size());
        for (Stored event : events) {
            Map<String, Object> row = new HashMap<>();
            row.put("eventId", event.eventId());
            row.put("type", event.type());
            row.put("payload", payload(event.type(), event.time(), event.data()));
            row.put("senate", event.data().get("senate") instanceof String s ? s : null);
            row.put("review", Audience.REVIEW_FAMILY.equals(Audience.family(event.type())));
            row.put("organisation", carriedOrganisation(event.data())
                    .or(() -> adviceRequest(event.data()).map(organisations::get)).orElse(null));
            rows.add(row);
        }
        int made = em.createNativeQuery(FAN_OUT)
                .setParameter("events", JsonParameter.of(rows))
                .setParameter("now", now)
                .setParameter("due", due)
                .executeUpdate();
        if (made > 0) {
            queued.fire(new MessagesQueued(made));
        }
        return made;
    }

    /**
     * The requesting organisations of the advice requests the events refer to, as remembered from
     * the request's own events, which carry it (those of this batch are remembered first).
     */
    private Map<UUID, String> organisations(List<Stored> events) {
        List<Map<String, String>> carried = new ArrayList<>();
        for (Stored event : events) {
            carriedOrganisation(event.data()).ifPresent(organisation -> carried.add(
                    Map.of("id", event.data().get("id").toString(), "organisation", organisation)));
        }
        if (!carried.isEmpty()) {
            em.createNativeQuery(REMEMBER_ORGANISATIONS).setParameter("rows", JsonParameter.of(carried)).executeUpdate();
        }
        List<UUID> referred = events.stream().filter(e -> carriedOrganisation(e.data()).isEmpty())
                .map(e -> adviceRequest(e.data())).flatMap(Optional::stream).distinct().toList();
        Map<UUID, String> known = new HashMap<>();
        if (!referred.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> found = em.createNativeQuery(ORGANISATIONS_OF)
                    .setParameter("ids", referred.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                    .getResultList();
            found.forEach(row -> known.put((UUID) row[0], (String) row[1]));
        }
        return known;
    }

    /** The requesting organisation an advice request's own event carries (with the request's id). */
    private static Optional<String> carriedOrganisation(Map<String, Object> data) {
        return data.get("requestingOrganisation") instanceof String organisation
                && data.get("id") instanceof String id && uuid(id).isPresent()
                ? Optional.of(organisation) : Optional.empty();
    }

    /** The advice request an event refers to by {@code adviceRequestId}. */
    private static Optional<UUID> adviceRequest(Map<String, Object> data) {
        return data.get("adviceRequestId") instanceof String id ? uuid(id) : Optional.empty();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }


    /** The Standard Webhooks body: {@code {"type", "timestamp", "data"}}. */
    public static String payload(String type, Instant timestamp, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", timestamp.toString());
        body.put("data", data);
        return JsonParameter.of(body);
    }
}
