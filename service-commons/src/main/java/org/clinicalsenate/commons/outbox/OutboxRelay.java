package org.clinicalsenate.commons.outbox;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import org.clinicalsenate.api.common.model.CloudEvent;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.commons.scheduling.QuietDuringDatabaseOutage;
import org.clinicalsenate.commons.scheduling.SkipWhenOff;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers outbox events to notification-service. Safe with several replicas: each batch locks
 * its rows with {@code FOR UPDATE SKIP LOCKED}. Only the oldest pending event of each aggregate
 * is eligible, so an aggregate's events arrive in order even while one of them is backing off.
 * Delivery is at-least-once; the receiver is idempotent on the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String DUE_HEADS = """
            SELECT * FROM outbox_event e
            WHERE e.delivered_at IS NULL AND e.next_attempt_at <= now()
              AND NOT EXISTS (SELECT 1 FROM outbox_event older
                              WHERE older.aggregate_id = e.aggregate_id
                                AND older.delivered_at IS NULL AND older.seq < e.seq)
            ORDER BY e.seq
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    EventSender sender;

    @Scheduled(identity = "outbox-relay", every = "${senate.outbox.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = RelayDisabled.class)
    @QuietDuringDatabaseOutage
    void relayScheduled() {
        relayAll();
    }

    /**
     * Relays until nothing is due; returns how many events were delivered. A delivery can make the
     * next event of its aggregate due, so a batch that delivered anything is followed by another.
     */
    public int relayAll() {
        int delivered = 0;
        while (true) {
            BatchResult batch = QuarkusTransaction.requiringNew().call(this::relayBatch);
            delivered += batch.delivered();
            if (batch.attempted() < config.batchSize() && batch.delivered() == 0) {
                return delivered;
            }
        }
    }

    private BatchResult relayBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> due = em.createNativeQuery(DUE_HEADS, OutboxEvent.class)
                .setParameter("limit", config.batchSize())
                .getResultList();
        int delivered = 0;
        for (OutboxEvent event : due) {
            try {
                sender.send(toCloudEvent(event));
                event.deliveredAt = Instant.now();
                event.lastError = null;
                delivered++;
            } catch (RuntimeException e) {
                event.attempts++;
                event.nextAttemptAt = Instant.now()
                        .plus(Backoff.after(event.attempts, config.initialBackoff(), config.maxBackoff()));
                event.lastError = String.valueOf(e.getMessage());
                LOG.warnf("Event %s (%s) not delivered, attempt %d, next at %s: %s", event.id, event.type,
                        event.attempts, event.nextAttemptAt, e.getMessage());
            }
        }
        return new BatchResult(due.size(), delivered);
    }

    static CloudEvent toCloudEvent(OutboxEvent event) {
        return new CloudEvent(CloudEvent.SpecversionEnum._1_0, event.id.toString(), event.source, event.type)
                .subject(event.subject)
                .time(Times.utc(event.occurredAt))
                .datacontenttype("application/json")
                .data(event.data);
    }

    private record BatchResult(int attempted, int delivered) {
    }

    /** Skips the relay where it is switched off, and while the application starts or stops. */
    @Singleton
    public static class RelayDisabled extends SkipWhenOff {
        @Inject
        OutboxConfig config;

        @Override
        protected boolean enabled() {
            return config.relayEnabled();
        }
    }
}
