package org.clinicalsenate.notification.service;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.events.model.WebhookEndpointDisabled;
import org.clinicalsenate.api.events.model.WebhookEndpointLinks;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.outbox.Outbox;
import org.clinicalsenate.commons.scheduling.QuietDuringDatabaseOutage;
import org.clinicalsenate.commons.scheduling.SkipWhenOff;
import org.clinicalsenate.notification.config.WebhookConfig;
import org.clinicalsenate.notification.domain.RetrySchedule;
import org.clinicalsenate.notification.domain.UrlSafety;
import org.clinicalsenate.notification.domain.WebhookAttempt;
import org.clinicalsenate.notification.domain.WebhookEndpoint;
import org.clinicalsenate.notification.domain.WebhookEndpoint.DisabledReason;
import org.clinicalsenate.notification.domain.WebhookMessage;
import org.clinicalsenate.notification.repository.WebhookAttemptRepository;
import org.clinicalsenate.notification.repository.WebhookEndpointRepository;
import org.clinicalsenate.notification.repository.WebhookMessageRepository;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The delivery workers. Due messages are claimed from PostgreSQL ({@code FOR UPDATE SKIP LOCKED}:
 * replicas share the queue, none claims a message another holds) and leased (due again after
 * {@code lease} if this replica dies before recording the attempt: at least once); each is then
 * sent outside any transaction, on a bounded pool, with at most {@code per-endpoint} in flight to
 * one endpoint, so that a slow receiver cannot hold every worker; the attempt and what follows
 * from it (success, the next try, failure; an endpoint gone or failing for too long disabled) are
 * recorded in a transaction of their own.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);

    /** Webhook attempts this replica made, by outcome ({@code senate_webhook_attempts_total} in /q/metrics). */
    public static final String ATTEMPTS_METRIC = "senate.webhook.attempts";

    /**
     * Up to {@code :scan} due messages of endpoints with room, locked (skipping those another worker
     * holds); of each endpoint's, as many as it has room for; leased.
     */
    private static final String CLAIM = """
            WITH due AS (
                SELECT m.id, m.endpoint_id, m.next_attempt_at
                  FROM webhook_message m
                 WHERE m.status = 'pending' AND m.next_attempt_at <= :now
                   AND NOT (m.endpoint_id = ANY (CAST(:full AS uuid[])))
                 ORDER BY m.next_attempt_at
                 LIMIT :scan
                   FOR UPDATE SKIP LOCKED),
            ranked AS (
                SELECT d.id, d.endpoint_id,
                       row_number() OVER (PARTITION BY d.endpoint_id ORDER BY d.next_attempt_at) AS n
                  FROM due d)
            UPDATE webhook_message m
               SET next_attempt_at = :leaseUntil
              FROM ranked r
              JOIN webhook_endpoint e ON e.id = r.endpoint_id
              LEFT JOIN unnest(CAST(:busy AS uuid[]), CAST(:inFlight AS integer[])) AS b (endpoint_id, in_flight)
                     ON b.endpoint_id = r.endpoint_id
             WHERE m.id = r.id AND r.n <= :perEndpoint - coalesce(b.in_flight, 0)
            RETURNING m.id, m.endpoint_id, m.payload, e.url, e.enabled, e.secret, e.previous_secret,
                      e.previous_secret_expires_at
            """;

    private static final String NOT_FAILING = """
            UPDATE webhook_endpoint SET failing_since = NULL WHERE id = :endpoint AND failing_since IS NOT NULL
            """;

    private static final String FAIL_PENDING = """
            UPDATE webhook_message SET status = 'failed', next_attempt_at = NULL
             WHERE endpoint_id = :endpoint AND status = 'pending'
            """;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    WebhookConfig config;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookEndpointRepository endpoints;

    @Inject
    WebhookMessageRepository messages;

    @Inject
    WebhookAttemptRepository attempts;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    private ExecutorService workers;
    /** Claims started by a wake-up (messages made, a delivery done), one at a time. */
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "webhook-claims");
        thread.setDaemon(true);
        return thread;
    });
    private final java.util.concurrent.atomic.AtomicBoolean wakeQueued = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicBoolean claiming = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicBoolean claimAgain = new java.util.concurrent.atomic.AtomicBoolean();
    private UrlSafety urls;
    private RetrySchedule schedule;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<UUID, AtomicInteger> inFlightByEndpoint = new ConcurrentHashMap<>();

    /** A claimed message, with what its worker needs to send it (read by the claim itself). */
    record Claim(UUID message, UUID endpoint, String payload, String url, boolean enabled, List<String> secrets) {
    }

    @PostConstruct
    void init() {
        AtomicInteger threads = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.workers(), task -> {
            Thread thread = new Thread(task, "webhook-delivery-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        urls = UrlSafety.system(config.allowHttp(), config.allowLoopback());
        schedule = new RetrySchedule(config.retrySchedule(), config.jitter());
    }

    @PreDestroy
    void stop() {
        wakeUps.shutdownNow();
        workers.shutdownNow();
    }

    @Scheduled(identity = "webhook-delivery", every = "${senate.webhooks.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DeliveryOff.class)
    @QuietDuringDatabaseOutage
    void poll() {
        claimWhileThereIsWork();
    }

    /**
     * Messages were made: the workers start on them as soon as their transaction has committed,
     * rather than at the next poll. (A wake-up lost in a race waits for the next poll.)
     */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) FanOut.MessagesQueued queued) {
        wake();
    }

    private void wake() {
        if (config.deliveryEnabled() && !wakeUps.isShutdown() && wakeQueued.compareAndSet(false, true)) {
            try {
                wakeUps.execute(() -> {
                    wakeQueued.set(false);
                    try {
                        claimWhileThereIsWork();
                    } catch (RuntimeException e) {
                        // the database may be out of reach: the scheduled poll tries again and says so
                        LOG.debugf("Claiming webhook messages on a wake-up failed: %s", e.getMessage());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the application is stopping
            }
        }
    }

    /** Claims while there is room and work; what it claims runs on the workers. One claimer at a time. */
    private void claimWhileThereIsWork() {
        if (!claiming.compareAndSet(false, true)) {
            claimAgain.set(true);
            return;
        }
        try {
            do {
                claimAgain.set(false);
                while (true) {
                    int room = config.workers() - inFlight.get();
                    if (room <= 0 || start(claim(room)).isEmpty()) {
                        break;
                    }
                }
            } while (claimAgain.get());
        } finally {
            claiming.set(false);
        }
    }

    /**
     * Delivers everything due now and waits for it, round after round until nothing is due (at most
     * {@code rounds}); how many attempts were made. What tests (and an operator's tool) use instead
     * of waiting for the scheduler.
     */
    public int deliverDue(int rounds) {
        int made = 0;
        for (int round = 0; round < rounds; round++) {
            List<Future<?>> started = start(claim(Math.max(1, config.workers() - inFlight.get())));
            if (started.isEmpty()) {
                return made;
            }
            for (Future<?> delivery : started) {
                try {
                    delivery.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return made;
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.error("A webhook delivery failed unexpectedly", e.getCause());
                }
                made++;
            }
        }
        return made;
    }

    private List<Claim> claim(int room) {
        Instant now = Instant.now(clock);
        List<UUID> full = new ArrayList<>();
        List<UUID> busy = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        inFlightByEndpoint.forEach((endpoint, count) -> {
            int n = count.get();
            if (n >= config.perEndpoint()) {
                full.add(endpoint);
            } else if (n > 0) {
                busy.add(endpoint);
                counts.add(n);
            }
        });
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(CLAIM)
                    .setParameter("now", now)
                    .setParameter("full", array(full))
                    .setParameter("scan", room)
                    .setParameter("leaseUntil", now.plus(config.lease()))
                    .setParameter("busy", array(busy))
                    .setParameter("inFlight", array(counts))
                    .setParameter("perEndpoint", config.perEndpoint())
                    .getResultList();
            return rows.stream().map(r -> new Claim((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                    (Boolean) r[4], WebhookEndpoint.signingSecrets((String) r[5], (String) r[6], instant(r[7]), now)))
                    .toList();
        });
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        throw new IllegalStateException("Not a time: " + value.getClass());
    }

    private static String array(List<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private List<Future<?>> start(List<Claim> claims) {
        List<Future<?>> started = new ArrayList<>();
        for (Claim claim : claims) {
            inFlight.incrementAndGet();
            inFlightByEndpoint.computeIfAbsent(claim.endpoint(), e -> new AtomicInteger()).incrementAndGet();
            started.add(workers.submit(() -> {
                try {
                    deliver(claim);
                } catch (RuntimeException e) {
                    // the lease makes it due again
                    LOG.errorf(e, "Webhook message %s not delivered; it is tried again when its lease ends",
                            claim.message());
                } finally {
                    inFlight.decrementAndGet();
                    inFlightByEndpoint.computeIfPresent(claim.endpoint(),
                            (e, n) -> n.decrementAndGet() <= 0 ? null : n);
                    // room again: the endpoint's next messages, or others', need not wait for a poll
                    wake();
                }
            }));
        }
        return started;
    }

    void deliver(Claim claim) {
        UUID messageId = claim.message();
        if (!claim.enabled()) {
            // disabled since the message was made: it fails (recoverable once enabled again)
            QuarkusTransaction.requiringNew().run(() -> {
                WebhookMessage message = messages.findById(messageId, LockModeType.PESSIMISTIC_WRITE);
                if (message != null && WebhookMessage.PENDING.equals(message.status)) {
                    message.failed();
                }
            });
            return;
        }
        URI url = URI.create(claim.url());
        String webhookId = WebhookMessage.webhookId(messageId);
        Instant at = Instant.now(clock);
        long started = System.nanoTime();
        WebhookSender.Outcome outcome;
        try {
            urls.checkDelivery(url);
            outcome = sender.send(url, webhookId, at, claim.payload(), claim.secrets());
        } catch (UrlSafety.Refused e) {
            outcome = WebhookSender.Outcome.error("refused: the URL " + e.getMessage());
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        WebhookSender.Outcome result = outcome;
        if (result.succeeded()) {
            boolean wasFailing = QuarkusTransaction.requiringNew()
                    .call(() -> recordSuccess(messageId, claim.endpoint(), at, durationMs, result));
            if (wasFailing) {
                // after the message's transaction: the endpoint is locked only here, never while a message is
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(NOT_FAILING)
                        .setParameter("endpoint", claim.endpoint()).executeUpdate());
            }
        } else {
            QuarkusTransaction.requiringNew().run(() -> record(messageId, claim.endpoint(), at, durationMs, result));
        }
    }

    /**
     * A success touches only its message (no endpoint lock: deliveries to one endpoint record side by
     * side); true when the endpoint was failing until now.
     */
    private boolean recordSuccess(UUID messageId, UUID endpointId, Instant at, long durationMs,
            WebhookSender.Outcome outcome) {
        WebhookMessage message = messages.findById(messageId, LockModeType.PESSIMISTIC_WRITE);
        if (message == null) {
            return false; // the endpoint was deleted meanwhile
        }
        attempts.persist(WebhookAttempt.of(message, at, outcome.status(), durationMs, outcome.response(), null));
        metrics.counter(ATTEMPTS_METRIC, "outcome", "succeeded").increment();
        message.attempted(at);
        message.succeeded(Instant.now(clock));
        WebhookEndpoint endpoint = endpoints.findById(endpointId);
        return endpoint != null && endpoint.failingSince != null;
    }

    /** A failure: locks the endpoint, then its message, the order of every change of both (no deadlock). */
    private void record(UUID messageId, UUID endpointId, Instant at, long durationMs, WebhookSender.Outcome outcome) {
        WebhookEndpoint endpoint = endpoints.findById(endpointId, LockModeType.PESSIMISTIC_WRITE);
        WebhookMessage message = endpoint == null ? null : messages.findById(messageId, LockModeType.PESSIMISTIC_WRITE);
        if (message == null) {
            return; // the endpoint was deleted meanwhile
        }
        attempts.persist(WebhookAttempt.of(message, at, outcome.status(), durationMs, outcome.response(),
                outcome.error()));
        metrics.counter(ATTEMPTS_METRIC, "outcome", outcome.succeeded() ? "succeeded" : "failed").increment();
        message.attempted(at);
        Instant now = Instant.now(clock);
        if (WebhookMessage.PENDING.equals(message.status)) {
            schedule.next(message.scheduled + 1, now, outcome.retryAfter(), ThreadLocalRandom.current().nextDouble())
                    .ifPresentOrElse(message::retryAt, message::failed);
        }
        if (outcome.status() != null && outcome.status() == 410) {
            disable(endpoint, DisabledReason.GONE, now);
        } else if (endpoint.failed(now, config.disableAfter())) {
            disable(endpoint, DisabledReason.FAILING, now);
        }
    }

    /**
     * Disables an endpoint: its pending messages fail (they can be recovered once it is enabled
     * again). When the platform disables it (gone, failing), its owner is told by the event
     * {@code notification.endpoint.disabled}. False when it was disabled already.
     */
    @Transactional(TxType.MANDATORY)
    public boolean disable(WebhookEndpoint endpoint, DisabledReason reason, Instant now) {
        Instant failingSince = endpoint.failingSince;
        if (!endpoint.disable(reason, now)) {
            return false;
        }
        em.createNativeQuery(FAIL_PENDING).setParameter("endpoint", endpoint.id).executeUpdate();
        if (reason != DisabledReason.MANUAL) {
            LOG.warnf("Webhook endpoint %s (%s) disabled: %s", endpoint.id, endpoint.url, reason.value());
            audit.record("disabled", WebhookEndpoints.ENTITY_TYPE, endpoint.id.toString(), null,
                    Map.of("reason", reason.value()));
            outbox.publish(endpoint.id.toString(), new WebhookEndpointDisabled()
                    .endpointId(endpoint.id)
                    .owner(endpoint.owner)
                    .reason(reason.value())
                    .disabledAt(now.atOffset(ZoneOffset.UTC))
                    .failingSince(reason == DisabledReason.FAILING && failingSince != null
                            ? failingSince.atOffset(ZoneOffset.UTC) : null)
                    .links(new WebhookEndpointLinks().self("/webhook-endpoints/" + endpoint.id)));
        }
        return true;
    }

    /** Whether this replica's workers deliver ({@code senate.webhooks.delivery-enabled}). */
    @Singleton
    public static class DeliveryOff extends SkipWhenOff {
        @Inject
        WebhookConfig config;

        @Override
        protected boolean enabled() {
            return config.deliveryEnabled();
        }
    }
}
