package org.clinicalsenate.commons.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import org.clinicalsenate.api.common.model.CloudEvent;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.commons.scheduling.QuietDuringDatabaseOutage;
import org.clinicalsenate.commons.scheduling.SkipWhenOff;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers outbox events to notification-service. Safe with several replicas: each batch locks
 * its rows with {@code FOR UPDATE SKIP LOCKED}. Only the oldest pending event of each aggregate
 * is eligible, so a batch holds at most one event per aggregate and an aggregate's events arrive in
 * order, one batch after another, even while one of them is backing off. Delivery is
 * at-least-once; the receiver is idempotent on the event id.
 * <p>
 * A batch (up to {@code senate.outbox.batch-size} events) goes in one request, which notification-service
 * stores whole or not at all. When it refuses the batch's content, its events are sent again one at
 * a time, so that one bad event does not hold back the others: each then has its own outcome.
 * <p>
 * A failed delivery (a fault fails every event of its batch) is retried with exponential backoff
 * and jitter; an event still failing
 * {@code senate.outbox.dead-after} after it was written is marked dead (metric
 * {@value #DEAD_EVENTS_METRIC}, an ERROR in the log) and stops holding back its aggregate's later
 * events, until a platform-admin re-queues it.
 */
@ApplicationScoped
public class OutboxRelay {

    static final String DEAD_EVENTS_METRIC = "senate.outbox.events.dead";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String DUE_HEADS = """
            SELECT * FROM outbox_event e
            WHERE e.delivered_at IS NULL AND e.dead_at IS NULL AND e.next_attempt_at <= :now
              AND NOT EXISTS (SELECT 1 FROM outbox_event older
                              WHERE older.aggregate_id = e.aggregate_id
                                AND older.delivered_at IS NULL AND older.dead_at IS NULL AND older.seq < e.seq)
            ORDER BY e.seq
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    EventSender sender;

    @Inject
    MeterRegistry metrics;

    private Counter deadEvents;

    @PostConstruct
    void registerMetrics() {
        deadEvents = Counter.builder(DEAD_EVENTS_METRIC)
                .description("Outbox events given up on after failing for senate.outbox.dead-after")
                .register(metrics);
    }

    @Scheduled(identity = "outbox-relay", every = "${senate.outbox.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = RelayDisabled.class)
    @QuietDuringDatabaseOutage
    void relayScheduled() {
        relayAll();
    }

    /**
     * Relays until nothing is due; returns how many events were delivered. A delivered (or dead)
     * event can make the next event of its aggregate due, so such a batch is followed by another.
     */
    public int relayAll() {
        int delivered = 0;
        while (true) {
            BatchResult batch = QuarkusTransaction.requiringNew().call(this::relayBatch);
            delivered += batch.delivered();
            if (batch.attempted() < config.batchSize() && batch.delivered() + batch.died() == 0) {
                return delivered;
            }
        }
    }

    private BatchResult relayBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> due = em.createNativeQuery(DUE_HEADS, OutboxEvent.class)
                .setParameter("now", Instant.now(clock))
                .setParameter("limit", config.batchSize())
                .getResultList();
        if (due.isEmpty()) {
            return new BatchResult(0, 0, 0);
        }
        try {
            sender.sendBatch(due.stream().map(OutboxRelay::toCloudEvent).toList());
            due.forEach(this::delivered);
            return new BatchResult(due.size(), due.size(), 0);
        } catch (EventSender.Refused e) {
            if (due.size() == 1) {
                // the refusal is already this event's own outcome
                return allFailed(due, e);
            }
            LOG.warnf("A batch of %d events was refused (%s); sending them one at a time", due.size(), e.getMessage());
            return oneAtATime(due);
        } catch (RuntimeException e) {
            // a fault: all of the batch is tried again later (what was stored after all, before a
            // timeout, is then a redelivery, which has no effect)
            return allFailed(due, e);
        }
    }

    private BatchResult oneAtATime(List<OutboxEvent> due) {
        int delivered = 0;
        int died = 0;
        for (OutboxEvent event : due) {
            try {
                sender.send(toCloudEvent(event));
                delivered(event);
                delivered++;
            } catch (RuntimeException e) {
                died += failed(event, e) ? 1 : 0;
            }
        }
        return new BatchResult(due.size(), delivered, died);
    }

    private BatchResult allFailed(List<OutboxEvent> due, RuntimeException e) {
        int died = 0;
        for (OutboxEvent event : due) {
            died += failed(event, e) ? 1 : 0;
        }
        return new BatchResult(due.size(), 0, died);
    }

    private void delivered(OutboxEvent event) {
        event.deliveredAt = Instant.now(clock);
        event.lastError = null;
    }

    /** Records a failed attempt; true when the event is now given up on. */
    private boolean failed(OutboxEvent event, RuntimeException e) {
        Instant now = Instant.now(clock);
        event.attempts++;
        event.lastError = String.valueOf(e.getMessage());
        if (!now.isBefore(event.occurredAt.plus(config.deadAfter()))) {
            event.deadAt = now;
            deadEvents.increment();
            LOG.errorf("Event %s (%s of %s) given up after %d attempts since %s; a platform-admin may re-queue it: %s",
                    event.id, event.type, event.aggregateId, event.attempts, event.occurredAt, e.getMessage());
            return true;
        }
        event.nextAttemptAt = now.plus(Backoff.withJitter(event.attempts, config.initialBackoff(), config.maxBackoff(),
                ThreadLocalRandom.current().nextDouble()));
        LOG.warnf("Event %s (%s) not delivered, attempt %d, next at %s: %s", event.id, event.type, event.attempts,
                event.nextAttemptAt, e.getMessage());
        return false;
    }

    static CloudEvent toCloudEvent(OutboxEvent event) {
        return new CloudEvent(CloudEvent.SpecversionEnum._1_0, event.id.toString(), event.source, event.type)
                .subject(event.subject)
                .time(Times.utc(event.occurredAt))
                .datacontenttype("application/json")
                .traceparent(event.traceparent)
                .data(event.data);
    }

    private record BatchResult(int attempted, int delivered, int died) {
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
