package org.clinicalsenate.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clinicalsenate.dev.EmbeddedDatabase;
import org.clinicalsenate.dev.LocalIssuer;
import org.clinicalsenate.dev.Personas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Losing nothing, with the packaged service as it runs in production (its own process, a durable
 * PostgreSQL, a real receiver on loopback that verifies every signature with the Standard Webhooks
 * library): killed with SIGKILL in the middle of a burst and started again, every event reaches
 * the receiver and none makes two messages; two replicas on one database share the work and deliver
 * each message once but for recorded retries. Counted, not sampled.
 */
class WebhookLossIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int BATCH = 500;

    private Path dataDir;
    private EmbeddedDatabase database;
    private LocalIssuer issuer;
    private Receiver receiver;
    private final List<Process> services = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        dataDir = Files.createTempDirectory(Path.of(System.getProperty("build.dir", "target")), "loss-");
        database = EmbeddedDatabase.start(dataDir.resolve("pg"), 0, EmbeddedDatabase.Durability.DURABLE);
        database.ensureDatabase("notification");
        issuer = LocalIssuer.start(freePort(), Personas.SERVICE_CLIENTS);
        receiver = new Receiver();
    }

    @AfterEach
    void stop() throws Exception {
        List<Process> started = new ArrayList<>(services);
        started.forEach(Process::destroyForcibly);
        for (Process service : started) {
            service.waitFor();
        }
        receiver.close();
        issuer.close();
        database.close();
    }

    @Test
    @Timeout(600)
    void killedDuringABurstOfTenThousandEventsItLosesNoneAndMakesNoSecondMessage() throws Exception {
        int port = freePort();
        Process first = service(port, "first");
        String base = "http://127.0.0.1:" + port;
        subscribe(base);
        List<List<Map<String, Object>>> batches = batches(10_000);

        // mid-burst, while batches are being posted and deliveries are in flight: SIGKILL, no shutdown
        // hook, no goodbye; then started again, as an orchestrator would
        java.util.concurrent.atomic.AtomicInteger deliveredBeforeKillRef = new java.util.concurrent.atomic.AtomicInteger(-1);
        java.util.concurrent.atomic.AtomicReference<Throwable> killerFailed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread killer = new Thread(() -> {
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (receiver.deliveries().size() < 300 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                first.destroyForcibly().waitFor();
                deliveredBeforeKillRef.set(receiver.deliveries().size());
                service(port, "restarted");
            } catch (Throwable e) {
                killerFailed.set(e);
            }
        }, "killer");
        killer.start();
        // the producer's relay sends again what was not acknowledged (the batch in flight included)
        for (List<Map<String, Object>> batch : batches) {
            post(base, batch);
        }
        killer.join();
        if (killerFailed.get() != null) {
            throw new AssertionError("killing and restarting failed", killerFailed.get());
        }
        int deliveredBeforeKill = deliveredBeforeKillRef.get();
        Set<String> expected = requestIds(batches);
        awaitAllDelivered(expected, Duration.ofMinutes(5));

        Map<String, Set<String>> webhookIdsByEvent = webhookIdsByEvent();
        assertThat(webhookIdsByEvent.keySet()).as("events that reached the receiver, verified").containsAll(expected);
        assertThat(webhookIdsByEvent.values()).as("one message per event, whatever the redeliveries")
                .allMatch(ids -> ids.size() == 1);
        assertThat(receiver.deliveries()).allMatch(Receiver.Delivery::verified);
        assertThat(count("SELECT count(*) FROM webhook_message")).isEqualTo(expected.size());
        assertThat(count("SELECT count(*) FROM webhook_message WHERE status <> 'succeeded'")).isZero();
        assertThat(deliveredBeforeKill).as("the kill came while deliveries were going on").isPositive()
                .isLessThan(expected.size());
    }

    @Test
    @Timeout(600)
    void twoReplicasOnOneDatabaseShareTheWorkAndDeliverEachMessageOnce() throws Exception {
        int portA = freePort();
        int portB = freePort();
        service(portA, "a");
        service(portB, "b");
        String a = "http://127.0.0.1:" + portA;
        String b = "http://127.0.0.1:" + portB;
        subscribe(a);
        List<List<Map<String, Object>>> batches = batches(4_000);
        for (int i = 0; i < batches.size(); i++) {
            post(i % 2 == 0 ? a : b, batches.get(i));
        }
        Set<String> expected = requestIds(batches);
        awaitAllDelivered(expected, Duration.ofMinutes(5));

        Map<String, Integer> deliveriesById = new HashMap<>();
        receiver.deliveries().forEach(d -> deliveriesById.merge(d.webhookId(), 1, Integer::sum));
        assertThat(deliveriesById).hasSize(expected.size());
        // a webhook-id delivered twice was a recorded retry (an attempt that failed, e.g. a lease that ran out)
        for (Map.Entry<String, Integer> delivered : deliveriesById.entrySet()) {
            if (delivered.getValue() > 1) {
                assertThat(count("SELECT attempts FROM webhook_message WHERE 'msg_' || replace(id::text, '-', '') = '"
                        + delivered.getKey() + "'")).isGreaterThanOrEqualTo(delivered.getValue());
            }
        }
        assertThat(count("SELECT count(*) FROM webhook_attempt")).isEqualTo(receiver.deliveries().size());
        double byA = attemptsMade(a);
        double byB = attemptsMade(b);
        assertThat(byA + byB).isEqualTo(receiver.deliveries().size());
        assertThat(byA).as("replica a's share").isPositive();
        assertThat(byB).as("replica b's share").isPositive();
    }

    // ------------------------------------------------------------------ the service and its callers

    private Process service(int port, String name) throws IOException, InterruptedException {
        Path log = dataDir.resolve("notification-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", System.getProperty("service.jar"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl("notification"));
        env.put("QUARKUS_DATASOURCE_USERNAME", database.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuer.url());
        env.put("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", issuer.url());
        env.put("QUARKUS_OIDC_CLIENT_CLIENT_ID", "notification-service");
        env.put("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET", Personas.SERVICE_CLIENTS.get("notification-service"));
        env.put("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0.0");
        env.put("SENATE_WEBHOOKS_ALLOW_HTTP", "true");
        env.put("SENATE_WEBHOOKS_ALLOW_LOOPBACK", "true");
        // a killed replica's claims come back soon, so that the test is bounded in time
        env.put("SENATE_WEBHOOKS_LEASE", "10s");
        env.put("SENATE_WEBHOOKS_TIMEOUT", "5s");
        Process process = builder.start();
        services.add(process);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("notification-service (" + name + ") exited: " + Files.readString(log));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("notification-service (" + name + ") not ready in 90 s: " + Files.readString(log));
    }

    private void subscribe(String base) throws Exception {
        String token = issuer.token("loss-test-admin", List.of("platform-admin"), Map.of(), Duration.ofHours(1));
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/webhook-endpoints"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("url", receiver.url("/loss"), "eventTypes", List.of(), "senates", List.of()))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        receiver.secrets(JSON.readTree(created.body()).path("secret").asText());
    }

    /** Posts a batch as review-service's relay does: again until it is acknowledged. */
    private void post(String base, List<Map<String, Object>> batch) throws Exception {
        String token = issuer.token("review-service", List.of("service"), Map.of("azp", "review-service"),
                Duration.ofHours(1));
        byte[] body = JSON.writeValueAsBytes(batch);
        for (int attempt = 0; attempt < 300; attempt++) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/events"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/cloudevents-batch+json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return;
                }
                assertThat(response.statusCode()).as(response.body()).isGreaterThanOrEqualTo(500);
            } catch (IOException unreachable) {
                // killed, or starting again: the relay backs off and tries again
            }
            Thread.sleep(500);
        }
        throw new AssertionError("a batch was never acknowledged");
    }

    private static List<List<Map<String, Object>>> batches(int events) {
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            batch.add(Webhooks.submitted(UUID.randomUUID().toString(), i % 2 == 0 ? "london" : "south-east", "QRL"));
            if (batch.size() == BATCH) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> requestIds(List<List<Map<String, Object>>> batches) {
        Set<String> ids = new HashSet<>();
        batches.forEach(batch -> batch.forEach(event -> ids.add((String) ((Map<String, Object>) event.get("data")).get("id"))));
        return ids;
    }

    /** Each event's (its request's) verified deliveries, by the webhook-ids they came with. */
    private Map<String, Set<String>> webhookIdsByEvent() throws IOException {
        Map<String, Set<String>> byEvent = new HashMap<>();
        for (Receiver.Delivery delivery : receiver.deliveries()) {
            if (delivery.verified()) {
                JsonNode body = JSON.readTree(delivery.body());
                byEvent.computeIfAbsent(body.path("data").path("id").asText(), k -> new HashSet<>())
                        .add(delivery.webhookId());
            }
        }
        return byEvent;
    }

    private void awaitAllDelivered(Set<String> expected, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (webhookIdsByEvent().keySet().containsAll(expected)) {
                return;
            }
            Thread.sleep(500);
        }
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(webhookIdsByEvent().keySet());
        throw new AssertionError(missing.size() + " events not delivered within " + within);
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl("notification"), database.user(), "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static double attemptsMade(String base) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).header("Accept", "text/plain")
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        double total = 0;
        Matcher counter = Pattern.compile("(?m)^senate_webhook_attempts_total\\{[^}]*\\} ([0-9.E+]+)$").matcher(metrics);
        while (counter.find()) {
            total += Double.parseDouble(counter.group(1));
        }
        return total;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
