package org.clinicalsenate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.review.AdviceRequests.body;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.testing.Api.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.clinicalsenate.commons.scheduling.DatabaseOutageInterceptor;
import org.clinicalsenate.dev.EmbeddedDatabase;
import org.clinicalsenate.testing.IssuerResource;
import org.clinicalsenate.testing.PostgresResource;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * PostgreSQL crashes (immediate shutdown of the postmaster, as a power cut or {@code pg_ctl restart
 * -m immediate}) while requests for advice are created at about 20 a second, and comes back two
 * seconds later on the same data directory and port. Clients behave as a real one should: a new
 * Idempotency-Key per request, and on 503 the same request again after Retry-After.
 * <p>
 * Runs on a PostgreSQL server of its own with durable commits (the suites' shared server is not
 * durable, and is not crashed under them).
 */
@QuarkusTest
@TestProfile(DatabaseCrashTest.OwnDurableDatabase.class)
class DatabaseCrashTest {

    private static final Duration INTERVAL = Duration.ofMillis(50); // 20 creations a second
    private static final Duration LOAD_BEFORE_CRASH = Duration.ofSeconds(2);
    /**
     * Long enough for the outbox relay (every second) to find the database away more than once, and
     * longer than the pool's wait for a connection (5 s): on a slow machine a request may wait for one
     * rather than fail at once, and must still be refused (503) while the database is away.
     */
    private static final Duration DOWN_FOR = Duration.ofSeconds(6);
    private static final Duration LOAD_AFTER_RECOVERY = Duration.ofSeconds(2);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(10);
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(40);

    /** Injected by {@link PostgresResource} (own server). */
    EmbeddedDatabase database;

    /** Injected by {@link NotificationReceiverResource}: where the outbox relay delivers. */
    NotificationReceiver receiver;

    @Inject
    TestDatabase db;

    /** What the clients saw. */
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    @Test
    void aCrashUnderWriteLoadLosesNoAcknowledgedWriteAnswersOnly503WhileDownAndRecoversWithinTenSeconds()
            throws Exception {
        assertThat(database.setting("synchronous_commit")).isEqualTo("on");
        assertThat(database.setting("fsync")).isEqualTo("on");
        LogRecords logs = LogRecords.capture();
        String senate = freshSenate();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        List<Future<?>> creations = new CopyOnWriteArrayList<>();
        pacer.scheduleAtFixedRate(() -> creations.add(clients.submit(() -> create(senate))), 0,
                INTERVAL.toMillis(), TimeUnit.MILLISECONDS);

        Thread.sleep(LOAD_BEFORE_CRASH.toMillis());
        database.crash();
        long crashedAt = System.nanoTime();
        boolean readinessWentDown = awaitReadiness(503, DOWN_FOR);
        Thread.sleep(Math.max(0, DOWN_FOR.toMillis() - elapsedMillis(crashedAt)));
        database.restart();
        long backAt = System.nanoTime();

        boolean ready = awaitReadiness(200, RECOVERY_LIMIT);
        long readyAfter = elapsedMillis(backAt);
        Thread.sleep(LOAD_AFTER_RECOVERY.toMillis());
        pacer.shutdown();
        pacer.awaitTermination(5, TimeUnit.SECONDS);
        for (Future<?> creation : creations) {
            creation.get(GIVE_UP_AFTER.toSeconds(), TimeUnit.SECONDS);
        }
        clients.shutdown();

        // only 201s, and 503 problems with Retry-After while the database was away
        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        assertThat(answers).filteredOn(a -> a.status() != 201 && !a.unavailableProblem())
                .as("answers other than 201 and 503 problems (of %s)", statuses).isEmpty();
        assertThat(statuses.getOrDefault(503, 0L)).as("requests refused while the database was away").isPositive();
        // every creation was acknowledged in the end, and each exactly once
        assertThat(acknowledged).hasSize(creations.size());
        // nothing acknowledged was lost, nothing was created twice
        List<String> stored = db.rows("SELECT id FROM advice_request WHERE senate = ?", senate).stream()
                .map(row -> row.get("id").toString()).toList();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(acknowledged);
        // recovered by itself, within 10 s of the database being back
        assertThat(readinessWentDown).as("readiness DOWN while the database was away").isTrue();
        assertThat(ready).as("readiness UP within %s of the database being back", RECOVERY_LIMIT).isTrue();
        long firstWriteAfter = answers.stream().filter(a -> a.status() == 201 && a.sentAt() >= backAt)
                .mapToLong(a -> a.answeredAt() - backAt).min().orElse(Long.MAX_VALUE);
        assertThat(Duration.ofNanos(firstWriteAfter)).as("first write after the database was back")
                .isLessThanOrEqualTo(RECOVERY_LIMIT);
        // the outbox relay said once that the database was away, then resumed by itself
        awaitDelivered(acknowledged, Duration.ofSeconds(20));
        // the relay resumed by itself (above): its outage was one WARN line, not a stack trace at each run
        List<String> relayLines = logs.await(DatabaseOutageInterceptor.class, "OutboxRelay.relayScheduled",
                lines -> !lines.isEmpty(), Duration.ofSeconds(5));
        logs.stop();
        assertThat(logs.atLeast(Level.SEVERE)).as("errors logged by the services' code and the scheduler").isEmpty();
        assertThat(relayLines).filteredOn(line -> line.contains("the database is unavailable")).hasSize(1);
        assertThat(relayLines).filteredOn(line -> !line.contains("the database is unavailable"))
                .allSatisfy(line -> assertThat(line).contains("the database is back"));
        System.out.printf("Crash test: %d creations, answers %s; readiness UP %d ms and first write %d ms after the"
                + " database was back%n", creations.size(), statuses, readyAfter, firstWriteAfter / 1_000_000);
    }

    /** One creation as a real client makes it: one Idempotency-Key; on 503, the same request after Retry-After. */
    private void create(String senate) {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = body(senate, "QRL", "Crash test " + key);
        long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < giveUp) {
            long sentAt = System.nanoTime();
            Response response = as(Tokens.requester("QRL")).header("Idempotency-Key", key).body(body)
                    .post("/advice-requests");
            Answer answer = Answer.of(response, sentAt);
            answers.add(answer);
            if (answer.status() == 201) {
                acknowledged.add(response.path("id"));
                return;
            }
            if (!answer.unavailableProblem()) {
                return;
            }
            sleep(Duration.ofSeconds(Long.parseLong(response.header("Retry-After"))));
        }
    }

    /** Waits until the relay has delivered the submitted event of each of these requests. */
    private void awaitDelivered(Set<String> requests, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        Set<String> delivered = Set.of();
        while (System.nanoTime() < deadline) {
            delivered = receiver.accepted().stream().map(d -> d.event().path("subject").asText())
                    .collect(Collectors.toSet());
            if (delivered.containsAll(requests)) {
                return;
            }
            sleep(Duration.ofMillis(100));
        }
        assertThat(delivered).as("events delivered by the outbox relay after the crash").containsAll(requests);
    }

    /** Polls /q/health/ready until it answers {@code status}; false if it did not within {@code limit}. */
    private static boolean awaitReadiness(int status, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (RestAssured.given().get("/q/health/ready").statusCode() == status) {
                return true;
            }
            sleep(Duration.ofMillis(50));
        }
        return false;
    }

    private static long elapsedMillis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer; times from System.nanoTime(). */
    record Answer(int status, boolean unavailableProblem, String body, long sentAt, long answeredAt) {
        static Answer of(Response response, long sentAt) {
            boolean unavailable = response.statusCode() == 503
                    && response.contentType().startsWith("application/problem+json")
                    && "urn:clinical-senate:problem:service-unavailable".equals(response.path("type"))
                    && response.header("Retry-After") != null && response.header("Retry-After").matches("\\d+");
            return new Answer(response.statusCode(), unavailable, response.asString(), sentAt, System.nanoTime());
        }
    }

    /**
     * What the services' own code and the scheduler log (the pool, Hibernate and the transaction
     * manager report each broken connection in their own words, which is not this test's business).
     */
    static final class LogRecords extends Handler {

        private static final List<String> CATEGORIES = List.of("org.clinicalsenate", "io.quarkus.scheduler");
        private final List<LogRecord> records = new CopyOnWriteArrayList<>();

        static LogRecords capture() {
            LogRecords handler = new LogRecords();
            handler.setLevel(Level.INFO);
            Logger.getLogger("").addHandler(handler);
            return handler;
        }

        void stop() {
            Logger.getLogger("").removeHandler(this);
        }

        List<String> atLeast(Level level) {
            return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue())
                    .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList();
        }

        /** The lines of {@code logger} starting with {@code prefix}, once they pass {@code until} (or the time is up). */
        List<String> await(Class<?> logger, String prefix, Predicate<List<String>> until, Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                List<String> lines = records.stream().filter(r -> logger.getName().equals(r.getLoggerName()))
                        .map(r -> new SimpleFormatter().formatMessage(r)).filter(line -> line.startsWith(prefix))
                        .toList();
                if (until.test(lines) || System.nanoTime() > deadline) {
                    return lines;
                }
                sleep(Duration.ofMillis(100));
            }
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record) && CATEGORIES.stream().anyMatch(c -> String.valueOf(record.getLoggerName()).startsWith(c))) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** Its own PostgreSQL server with durable commits, which the test crashes; the outbox relay runs. */
    public static class OwnDurableDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("senate.outbox.relay-enabled", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(PostgresResource.class, Map.of(PostgresResource.OWN_SERVER, "true")),
                    new TestResourceEntry(IssuerResource.class, Map.of("client", "review-service")),
                    new TestResourceEntry(NotificationReceiverResource.class),
                    new TestResourceEntry(MembershipStub.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
