package org.clinicalsenate.notification.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.notification.domain.Audience;
import org.clinicalsenate.notification.domain.ReceivedEvent;
import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A received event's webhook messages: one pending message for each enabled endpoint that wants the
 * event (its types and senates) and whose owner may see it ({@link Audience#sees}, here as SQL), in
 * the transaction that stores the event. One statement whatever the number of endpoints; a message
 * is made once per event and endpoint however often the event arrives.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class FanOut {

    /** The organisation of an advice request, learnt from the events that carry it. */
    private static final String REMEMBER_ORGANISATION = """
            INSERT INTO advice_request_scope (advice_request_id, organisation) VALUES (:id, :organisation)
            ON CONFLICT (advice_request_id) DO NOTHING
            """;

    private static final String ORGANISATION_OF = """
            SELECT organisation FROM advice_request_scope WHERE advice_request_id = :id
            """;

    /** Audience.sees, and the endpoint's own filters, as one statement over the enabled endpoints. */
    private static final String FAN_OUT = """
            INSERT INTO webhook_message (id, endpoint_id, event_id, event_type, payload, status, created_at,
                                         next_attempt_at)
            SELECT gen_random_uuid(), e.id, :eventId, :type, :payload, 'pending', :now, :due
              FROM webhook_endpoint e
             WHERE e.enabled
               AND (cardinality(e.event_types) = 0 OR :type = ANY (e.event_types))
               AND (cardinality(e.senates) = 0 OR :senate = ANY (e.senates))
               AND (e.sees_all
                    OR (:review AND e.sees_all_reviews)
                    OR :senate = ANY (e.owner_senates)
                    OR (:review AND e.owner_organisation = :organisation))
            ON CONFLICT (endpoint_id, event_id) DO NOTHING
            """;

    /** Plain Jackson: the body is what integrators receive and what is signed. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    /** Announced when messages were made, so that the workers start once the transaction commits. */
    @Inject
    Event<MessagesQueued> queued;

    /** Messages were made (and will be due once their transaction commits). */
    public record MessagesQueued(int count) {
    }

    /**
     * @param due when the first attempt is due (now, after the schedule's first delay)
     * @return how many messages were made
     */
    public int of(ReceivedEvent event, Instant now, Instant due) {
        Map<String, Object> data = event.data == null ? Map.of() : event.data;
        String senate = data.get("senate") instanceof String s ? s : null;
        String organisation = organisation(data);
        NativeQuery<?> insert = em.createNativeQuery(FAN_OUT).unwrap(NativeQuery.class);
        int made = insert.setParameter("eventId", event.eventId, String.class)
                .setParameter("type", event.type, String.class)
                .setParameter("payload", payload(event.type, event.time == null ? event.receivedAt : event.time, data),
                        String.class)
                .setParameter("now", now, Instant.class)
                .setParameter("due", due, Instant.class)
                .setParameter("senate", senate, String.class)
                .setParameter("review", Audience.REVIEW_FAMILY.equals(Audience.family(event.type)), Boolean.class)
                .setParameter("organisation", organisation, String.class)
                .executeUpdate();
        if (made > 0) {
            queued.fire(new MessagesQueued(made));
        }
        return made;
    }

    /**
     * The requesting organisation of the advice request an event is about: carried by the request's
     * own events (and then remembered), else as remembered from them.
     */
    private String organisation(Map<String, Object> data) {
        if (data.get("requestingOrganisation") instanceof String organisation && data.get("id") instanceof String id) {
            uuid(id).ifPresent(request -> em.createNativeQuery(REMEMBER_ORGANISATION)
                    .setParameter("id", request).setParameter("organisation", organisation).executeUpdate());
            return organisation;
        }
        if (data.get("adviceRequestId") instanceof String id) {
            java.util.Optional<UUID> request = uuid(id);
            if (request.isEmpty()) {
                return null;
            }
            List<?> found = em.createNativeQuery(ORGANISATION_OF).setParameter("id", request.get()).getResultList();
            return found.isEmpty() ? null : found.get(0).toString();
        }
        return null;
    }

    private static java.util.Optional<UUID> uuid(String text) {
        try {
            return java.util.Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** The Standard Webhooks body: {@code {"type", "timestamp", "data"}}. */
    public static String payload(String type, Instant timestamp, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", timestamp.toString());
        body.put("data", data);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a webhook body", e);
        }
    }
}
