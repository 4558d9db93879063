package org.clinicalsenate.commons.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Writes events in the caller's transaction (MANDATORY): the event exists if and only if the
 * change it describes was committed. The relay delivers it later.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    /**
     * @param type        the CloudEvents type, e.g. {@code review.advice-request.submitted}
     * @param aggregateId the entity the event is about; events of one aggregate are delivered in order
     * @param data        ids and facts of the change, never contact details
     */
    @Transactional(TxType.MANDATORY)
    public UUID publish(String type, String aggregateId, Map<String, Object> data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.type = type;
        event.source = config.source();
        event.subject = aggregateId;
        event.aggregateId = aggregateId;
        event.occurredAt = Instant.now();
        event.data = data;
        event.nextAttemptAt = event.occurredAt;
        em.persist(event);
        return event.id;
    }
}
