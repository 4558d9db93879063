package org.clinicalsenate.notification.service;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
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
import org.clinicalsenate.commons.database.JsonParameter;
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
 * sent outside any transaction, without a thread waiting for the answer, with at most
 * {@code workers} in flight in the replica and {@code per-endpoint} to one endpoint, so that a slow
 * receiver cannot hold up the others. Successes (most attempts) are recorded by one recorder
 * thread, many to a transaction; a failure and what follows from it (the next try, failure; an
 * endpoint gone or failing for too long disabled) in a transaction of its own.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);

    /** Webhook attempts this replica made, by outcome ({@code senate_webhook_attempts_total} in /q/metrics). */
    public static final String ATTEMPTS_METRIC = "senate.webhook.attempts";

    /**
     * Up to {@code :scan} due messages, oldest due first, of each endpoint as many as it has room for,
     * locked (skipping those another worker holds) and leased. The endpoints with pending messages
     * are found by skipping through the index (a recursive step per endpoint), and each one's due
     * messages read from it: the cost follows the endpoints, never the length of a backlog (a full
     * endpoint's thousands of due messages are not read at all).
     */
    private static final String CLAIM = """
            WITH RECURSIVE pending AS (
                (SELECT m.endpoint_id FROM webhook_message m WHERE m.status = 'pending'
                  ORDER BY m.endpoint_id LIMIT 1)
                UNION ALL
                SELECT (SELECT m.endpoint_id FROM webhook_message m
                         WHERE m.status = 'pending' AND m.endpoint_id > p.endpoint_id
                         ORDER BY m.endpoint_id LIMIT 1)
                  FROM pending p WHERE p.endpoint_id IS NOT NULL),
            room AS (
                SELECT p.endpoint_id, :perEndpoint - coalesce(b.in_flight, 0) AS free
                  FROM pending p
                  LEFT JOIN unnest(CAST(:busy AS uuid[]), CAST(:inFlight AS integer[])) AS b (endpoint_id, in_flight)
                         ON b.endpoint_id = p.endpoint_id
                 WHERE p.endpoint_id IS NOT NULL),
            due AS (
                SELECT d.id, d.endpoint_id
                  FROM room r
                 CROSS JOIN LATERAL (SELECT m.id, m.endpoint_id, m.next_attempt_at
                                       FROM webhook_message m
                                      WHERE m.endpoint_id = r.endpoint_id AND m.status = 'pending'
                                        AND m.next_attempt_at <= :now
                                      ORDER BY m.next_attempt_at
                                      LIMIT r.free
                                        FOR UPDATE SKIP LOCKED) d
                 WHERE r.free > 0
                 ORDER BY d.next_attempt_at
                 LIMIT :scan)
            UPDATE webhook_message m
               SET next_attempt_at = :leaseUntil
              FROM due d
              JOIN webhook_endpoint e ON e.id = d.endpoint_id
             WHERE m.id = d.id
            RETURNING m.id, m.endpoint_id, m.payload, e.url, e.enabled, e.secret, e.previous_secret,
                      e.previous_secret_expires_at
            """;

    /**
     * Successful attempts (a JSON array), recorded with their messages in one statement; a message
     * deleted meanwhile (with its endpoint) is left out.
     */
    private static final String RECORD_SUCCESSES = """
            WITH done AS (
                SELECT CAST(r ->> 'message' AS uuid) AS message_id, CAST(r ->> 'at' AS timestamptz) AS attempted_at,
                       CAST(r ->> 'status' AS integer) AS status_code, CAST(r ->> 'durationMs' AS integer) AS duration_ms,
                       r ->> 'response' AS response
                  FROM jsonb_array_elements(CAST(:done AS jsonb)) r),
            succeeded AS (
                UPDATE webhook_message m
                   SET status = 'succeeded', succeeded_at = :now, next_attempt_at = NULL,
                       attempts = m.attempts + 1, last_attempt_at = d.attempted_at
                  FROM done d
                 WHERE m.id = d.message_id
                RETURNING m.id, m.endpoint_id)
            INSERT INTO webhook_attempt (id, message_id, endpoint_id, attempted_at, succeeded, status_code,
                                         duration_ms, response)
            SELECT gen_random_uuid(), s.id, s.endpoint_id, d.attempted_at, true, d.status_code, d.duration_ms,
                   d.response
              FROM succeeded s JOIN done d ON d.message_id = s.id
            """;

    private static final String NOT_FAILING = """
            UPDATE webhook_endpoint SET failing_since = NULL
             WHERE id = ANY (CAST(:endpoints AS uuid[])) AND failing_since IS NOT NULL
            """;

    /**
     * A wake-up claims this long after it was asked for: the wake-ups of the deliveries done meanwhile
     * make one claim (a transaction) rather than one each, at a cost in latency too small to matter.
     */
    private static final long WAKE_DELAY_MS = 10;

    private static final int WORKER_THREADS = 8;

    /** How long the recorder gathers successes into one transaction. */
    private static final long RECORD_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** At most this many successes are recorded in one transaction. */
    private static final int RECORD_BATCH = 500;

    /** Tries of a batch of successes (a deadlock with a disabling endpoint is tried again). */
    private static final int RECORD_TRIES = 3;

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
    private final ScheduledExecutorService wakeUps = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "webhook-claims");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean claimAgain = new AtomicBoolean();
    private UrlSafety urls;
    private RetrySchedule schedule;
    /** Claimed and not yet answered: bounded by {@code workers}. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Being sent, by endpoint: bounded by {@code per-endpoint}. */
    private final Map<UUID, AtomicInteger> inFlightByEndpoint = new ConcurrentHashMap<>();
    /** Successful attempts waiting to be recorded, a batch per transaction by the recorder thread. */
    private final BlockingQueue<Success> successes = new LinkedBlockingQueue<>();
    private Thread recorder;

    /** A claimed message, with what its worker needs to send it (read by the claim itself). */
    record Claim(UUID message, UUID endpoint, String payload, String url, boolean enabled, List<String> secrets) {
    }

    /** A successful attempt to record; {@code recorded} completes once it is (or could not be). */
    private record Success(Claim claim, Instant at, long durationMs, WebhookSender.Outcome outcome,
            CompletableFuture<Void> recorded) {
    }

    @PostConstruct
    void init() {
        AtomicInteger threads = new AtomicInteger();
        // a worker signs and sends (the answer comes back on the HTTP client's thread) or records a
        // failure: a few threads serve every delivery in flight
        workers = Executors.newFixedThreadPool(Math.min(config.workers(), WORKER_THREADS), task -> {
            Thread thread = new Thread(task, "webhook-delivery-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        urls = UrlSafety.system(config.allowHttp(), config.allowLoopback());
        schedule = new RetrySchedule(config.retrySchedule(), config.jitter());
        recorder = new Thread(this::recordSuccesses, "webhook-records");
        recorder.setDaemon(true);
        recorder.start();
    }

    @PreDestroy
    void stop() {
        wakeUps.shutdownNow();
        workers.shutdownNow();
        // successes not recorded yet are sent again when their lease ends: at least once
        recorder.interrupt();
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
                wakeUps.schedule(() -> {
                    wakeQueued.set(false);
                    try {
                        claimWhileThereIsWork();
                    } catch (RuntimeException e) {
                        // the database may be out of reach: the scheduled poll tries again and says so
                        LOG.debugf("Claiming webhook messages on a wake-up failed: %s", e.getMessage());
                    }
                }, WAKE_DELAY_MS, TimeUnit.MILLISECONDS);
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
                    // the recorder has fallen behind: it wakes the claims again once it has caught up
                    if (room <= 0 || successes.size() >= 2 * RECORD_BATCH) {
                        break;
                    }
                    if (start(claim(room)).size() < room) {
                        break; // all that was due, or the endpoints with due messages are full
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
            List<CompletableFuture<Void>> started = start(claim(Math.max(1, config.workers() - inFlight.get())));
            if (started.isEmpty()) {
                return made;
            }
            for (CompletableFuture<Void> delivery : started) {
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
        List<UUID> busy = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        inFlightByEndpoint.forEach((endpoint, count) -> {
            int n = count.get();
            if (n > 0) {
                busy.add(endpoint);
                counts.add(n);
            }
        });
        return QuarkusTransaction.requiringNew().call(() -> {
            withoutWaitingForDisk();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(CLAIM)
                    .setParameter("now", now)
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

    /**
     * Sends each claim from a worker (which is free again once the request is on its way); each
     * future completes once its attempt is recorded. The endpoint and the replica have room again
     * once the receiver has answered.
     */
    private List<CompletableFuture<Void>> start(List<Claim> claims) {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (Claim claim : claims) {
            inFlight.incrementAndGet();
            inFlightByEndpoint.computeIfAbsent(claim.endpoint(), e -> new AtomicInteger()).incrementAndGet();
            AtomicBoolean once = new AtomicBoolean();
            Runnable answered = () -> {
                if (once.compareAndSet(false, true)) {
                    inFlight.decrementAndGet();
                    inFlightByEndpoint.computeIfPresent(claim.endpoint(), (e, n) -> n.decrementAndGet() <= 0 ? null : n);
                    // room again: the endpoint's next messages, or others', need not wait for a poll
                    wake();
                }
            };
            CompletableFuture<Void> done = new CompletableFuture<>();
            started.add(done);
            workers.execute(() -> {
                CompletableFuture<Void> recorded;
                try {
                    recorded = deliver(claim, answered);
                } catch (RuntimeException e) {
                    answered.run();
                    recorded = CompletableFuture.failedFuture(e);
                }
                recorded.whenComplete((ignored, e) -> {
                    if (e != null) {
                        // the lease makes it due again
                        LOG.errorf(e, "Webhook message %s not delivered; it is tried again when its lease ends",
                                claim.message());
                    }
                    answered.run();
                    done.complete(null);
                });
            });
        }
        return started;
    }

    /**
     * Sends a claimed message; {@code answered} runs once the receiver has answered (or could not);
     * the future completes once what came of it is recorded: a success by the recorder thread, a
     * failure (which locks its endpoint) on a worker, never on the HTTP client's thread.
     */
    private CompletableFuture<Void> deliver(Claim claim, Runnable answered) {
        UUID messageId = claim.message();
        if (!claim.enabled()) {
            answered.run();
            // disabled since the message was made: it fails (recoverable once enabled again)
            QuarkusTransaction.requiringNew().run(() -> {
                WebhookMessage message = messages.findById(messageId, LockModeType.PESSIMISTIC_WRITE);
                if (message != null && WebhookMessage.PENDING.equals(message.status)) {
                    message.failed();
                }
            });
            return CompletableFuture.completedFuture(null);
        }
        URI url = URI.create(claim.url());
        Instant at = Instant.now(clock);
        long started = System.nanoTime();
        CompletableFuture<WebhookSender.Outcome> sent;
        try {
            urls.checkDelivery(url);
            sent = sender.send(url, WebhookMessage.webhookId(messageId), at, claim.payload(), claim.secrets());
        } catch (UrlSafety.Refused e) {
            sent = CompletableFuture.completedFuture(WebhookSender.Outcome.error("refused: the URL " + e.getMessage()));
        }
        return sent.thenCompose(outcome -> {
            answered.run();
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            if (outcome.succeeded()) {
                Success success = new Success(claim, at, durationMs, outcome, new CompletableFuture<>());
                successes.add(success);
                return success.recorded();
            }
            return CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew()
                    .run(() -> record(messageId, claim.endpoint(), at, durationMs, outcome)), workers);
        });
    }

    /**
     * The recorder thread: records the successes sent meanwhile, in batches, a transaction each
     * (successes are by far the most attempts; one commit per attempt would cap throughput).
     */
    private void recordSuccesses() {
        List<Success> batch = new ArrayList<>(RECORD_BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(successes.take());
                // the successes of the next moments join this batch: fewer, larger transactions
                long until = System.nanoTime() + RECORD_WINDOW_NANOS;
                while (batch.size() < RECORD_BATCH) {
                    Success next = successes.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    successes.drainTo(batch, RECORD_BATCH - batch.size());
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                recordAll(batch);
            } finally {
                batch.forEach(s -> s.recorded().complete(null));
                batch.clear();
                wake(); // claims held back while the recorder was behind
            }
        }
    }

    private void recordAll(List<Success> batch) {
        List<Map<String, Object>> done = new ArrayList<>(batch.size());
        for (Success s : batch) {
            Map<String, Object> row = new HashMap<>();
            row.put("message", s.claim().message().toString());
            row.put("at", s.at().toString());
            row.put("status", s.outcome().status());
            row.put("durationMs", (int) Math.max(0, Math.min(Integer.MAX_VALUE, s.durationMs())));
            row.put("response", s.outcome().response());
            done.add(row);
        }
        String endpoints = array(batch.stream().map(s -> s.claim().endpoint()).distinct().toList());
        for (int attempt = 1; attempt <= RECORD_TRIES; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    withoutWaitingForDisk();
                    em.createNativeQuery(RECORD_SUCCESSES)
                            .setParameter("done", JsonParameter.of(done))
                            .setParameter("now", Instant.now(clock))
                            .executeUpdate();
                });
                metrics.counter(ATTEMPTS_METRIC, "outcome", "succeeded").increment(batch.size());
                // after the messages' transaction: an endpoint is locked only here, never while a message is
                // (an endpoint that was not failing is not changed, nor locked)
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(NOT_FAILING)
                        .setParameter("endpoints", endpoints).executeUpdate());
                return;
            } catch (RuntimeException e) {
                if (attempt == RECORD_TRIES) {
                    // the messages stay leased: they are sent again when the lease ends
                    LOG.errorf(e, "%d successful webhook attempts not recorded; their messages are sent again when"
                            + " their lease ends", batch.size());
                }
            }
        }
    }


    /**
     * This transaction's commit does not wait for the disk (PostgreSQL's {@code synchronous_commit}
     * off, for it alone): what a crash of the database could lose of it is a lease or a recorded
     * success, and either only makes the message due again (at least once, as always), while every
     * claim and batch of successes no longer waits for a flush of its own, nor makes the platform's
     * other commits wait behind it.
     */
    private void withoutWaitingForDisk() {
        em.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
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
