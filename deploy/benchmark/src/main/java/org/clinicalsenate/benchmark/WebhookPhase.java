package org.clinicalsenate.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.clinicalsenate.dev.LocalIssuer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;

/**
 * Event to signed webhook: review-service's relay is played by the generator, posting
 * {@code review.advice-request.submitted} events to notification-service in batches (every 100 ms,
 * a tenth of the rate) at a constant rate; a receiver on loopback verifies each webhook's signature
 * with the Standard Webhooks library and takes the latency from when the event's batch was due to
 * when the webhook arrived. An endpoint is registered for the phase (for this event type only) and
 * deleted after it, with its messages; any other endpoint that wants these events is disabled for
 * the phase and enabled again after it (the target is for one subscription); the events it sent are marked ({@code subject}
 * {@code bench-webhook-...}) for {@code --clean}.
 */
final class WebhookPhase {

    static final String NAME = "webhooks";
    static final String SUBJECT_PREFIX = "bench-webhook-";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TICK = Duration.ofMillis(100);
    private static final String EVENT_TYPE = "review.advice-request.submitted";

    /** What the phase measured; {@code lost}: sent in the window and not received verified by the end of the drain. */
    record Result(double rate, double seconds, int sent, int received, int unverified, int lost, int sendErrors,
            LatencySummary latencies, double maxSendLagMillis, Map<String, Double> cpuCores, List<String> paused) {
    }

    private final String notificationUrl;
    private final String issuerUrl;
    private final CpuMeter cpu;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    WebhookPhase(String notificationUrl, String issuerUrl, CpuMeter cpu) {
        this.notificationUrl = notificationUrl;
        this.issuerUrl = issuerUrl;
        this.cpu = cpu;
    }

    Result run(double rate, Duration warmup, Duration measure, Duration drain) throws Exception {
        Map<String, Long> dueNanos = new ConcurrentHashMap<>();
        Map<String, Long> latencyNanos = new ConcurrentHashMap<>();
        AtomicInteger unverified = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService receiverThreads = Executors.newFixedThreadPool(16);
        server.setExecutor(receiverThreads);
        String[] secret = new String[1];
        server.createContext("/", exchange -> {
            long arrived = System.nanoTime();
            try (exchange; InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
                boolean verified;
                try {
                    new Webhook(secret[0]).verify(body, headers);
                    verified = true;
                } catch (Exception e) {
                    verified = false;
                }
                String id = JSON.readTree(body).path("data").path("id").asText();
                Long due = dueNanos.get(id);
                if (!verified) {
                    unverified.incrementAndGet();
                } else if (due != null && latencyNanos.putIfAbsent(id, arrived - due) == null) {
                    received.incrementAndGet();
                }
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
        String admin = bearer(LocalIssuer.sign(issuerUrl, "bench-webhooks", List.of("assurance-viewer"), Map.of(),
                Duration.ofHours(1)));
        String endpoint;
        try {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(notificationUrl + "/webhook-endpoints"))
                    .header("Authorization", admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                            "url", "http://127.0.0.1:" + server.getAddress().getPort() + "/bench",
                            "description", "benchmark receiver",
                            "eventTypes", List.of("review.advice-request.submitted")))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("notification-service refused the benchmark's webhook endpoint ("
                        + created.statusCode() + " " + created.body() + "): does it allow http on loopback"
                        + " (SENATE_WEBHOOKS_ALLOW_HTTP, SENATE_WEBHOOKS_ALLOW_LOOPBACK, as the local run sets)?");
            }
            JsonNode answer = JSON.readTree(created.body());
            secret[0] = answer.path("secret").asText();
            endpoint = answer.path("endpoint").path("id").asText();
        } catch (IOException | RuntimeException e) {
            server.stop(0);
            receiverThreads.shutdownNow();
            throw e;
        }
        // the target is for one subscription: other endpoints that want these events (the local
        // run's demo endpoint) are paused for the phase, so each event makes one webhook
        String platformAdmin = bearer(LocalIssuer.sign(issuerUrl, "bench-webhooks-admin", List.of("platform-admin"),
                Map.of(), Duration.ofHours(1)));
        List<String> paused = new java.util.ArrayList<>();
        try {
            paused.addAll(pauseOthers(platformAdmin, endpoint));
            Result result = measure(rate, warmup, measure, drain, dueNanos, latencyNanos, received, unverified);
            return new Result(result.rate(), result.seconds(), result.sent(), result.received(), result.unverified(),
                    result.lost(), result.sendErrors(), result.latencies(), result.maxSendLagMillis(),
                    result.cpuCores(), List.copyOf(paused));
        } finally {
            for (String other : paused) {
                http.send(HttpRequest.newBuilder(URI.create(notificationUrl + "/webhook-endpoints/" + other + "/enabling"))
                        .header("Authorization", platformAdmin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            String etag = http.send(HttpRequest.newBuilder(URI.create(notificationUrl + "/webhook-endpoints/" + endpoint))
                    .header("Authorization", admin).build(), HttpResponse.BodyHandlers.discarding())
                    .headers().firstValue("ETag").orElse("*");
            http.send(HttpRequest.newBuilder(URI.create(notificationUrl + "/webhook-endpoints/" + endpoint))
                    .header("Authorization", admin).header("If-Match", etag).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
            server.stop(0);
            receiverThreads.shutdownNow();
        }
    }

    /** Disables every other enabled endpoint that wants this phase's events; their URLs. */
    private List<String> pauseOthers(String platformAdmin, String ours) throws Exception {
        List<String> paused = new java.util.ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(notificationUrl
                    + "/webhook-endpoints?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)))
                    .header("Authorization", platformAdmin).build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                throw new IllegalStateException("cannot list the webhook endpoints: " + page.statusCode());
            }
            JsonNode answer = JSON.readTree(page.body());
            for (JsonNode endpoint : answer.path("items")) {
                String id = endpoint.path("id").asText();
                boolean wants = endpoint.path("eventTypes").isEmpty() || endpoint.path("eventTypes").toString()
                        .contains("\"" + EVENT_TYPE + "\"");
                if (!id.equals(ours) && endpoint.path("enabled").asBoolean() && wants) {
                    int status = http.send(HttpRequest.newBuilder(URI.create(notificationUrl + "/webhook-endpoints/" + id
                            + "/disabling")).header("Authorization", platformAdmin)
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    if (status == 200) {
                        paused.add(id);
                    }
                }
            }
            cursor = answer.path("nextCursor").isTextual() ? answer.path("nextCursor").asText() : null;
        } while (cursor != null);
        return paused;
    }

    private Result measure(double rate, Duration warmup, Duration measure, Duration drain, Map<String, Long> dueNanos,
            Map<String, Long> latencyNanos, AtomicInteger received, AtomicInteger unverified) throws Exception {
        String relay = bearer(LocalIssuer.sign(issuerUrl, "review-service", List.of("service"),
                Map.of("azp", "review-service"), Duration.ofHours(1)));
        int perTick = (int) Math.max(1, Math.round(rate * TICK.toMillis() / 1000.0));
        long ticks = (warmup.toMillis() + measure.toMillis()) / TICK.toMillis();
        long warmupTicks = warmup.toMillis() / TICK.toMillis();
        List<String> measured = new ArrayList<>();
        AtomicInteger sendErrors = new AtomicInteger();
        AtomicLong maxLag = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        CpuMeter.Snapshot from = null;
        List<java.util.concurrent.Future<?>> posts = new ArrayList<>();
        for (long tick = 0; tick < ticks; tick++) {
            long due = start + tick * TICK.toNanos();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            if (tick == warmupTicks) {
                from = cpu.snapshot();
            }
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < perTick; i++) {
                String request = UUID.randomUUID().toString();
                batch.add(event(request));
                dueNanos.put(request, due);
                if (tick >= warmupTicks) {
                    measured.add(request);
                }
            }
            byte[] body = JSON.writeValueAsBytes(batch);
            posts.add(senders.submit(() -> {
                maxLag.accumulateAndGet(System.nanoTime() - due, Math::max);
                try {
                    int status = http.send(HttpRequest.newBuilder(URI.create(notificationUrl + "/events"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", relay)
                            .header("Content-Type", "application/cloudevents-batch+json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 202) {
                        sendErrors.incrementAndGet();
                    }
                } catch (IOException | InterruptedException e) {
                    sendErrors.incrementAndGet();
                }
            }));
        }
        for (java.util.concurrent.Future<?> post : posts) {
            post.get();
        }
        senders.shutdown();
        CpuMeter.Snapshot to = cpu.snapshot();
        double seconds = measure.toNanos() / 1e9;
        long drainUntil = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < drainUntil && !measured.stream().allMatch(latencyNanos::containsKey)) {
            Thread.sleep(100);
        }
        long[] latencies = measured.stream().filter(latencyNanos::containsKey).mapToLong(latencyNanos::get).toArray();
        int lost = (int) measured.stream().filter(id -> !latencyNanos.containsKey(id)).count();
        return new Result(rate, seconds, measured.size(), latencies.length, unverified.get(), lost, sendErrors.get(),
                LatencySummary.of(latencies), maxLag.get() / 1e6,
                from == null ? Map.of() : CpuMeter.cores(from, to), List.of());
    }

    private static Map<String, Object> event(String request) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", request);
        data.put("senate", "south-east");
        data.put("requestingOrganisation", "QRL");
        data.put("kind", "clinical-review");
        data.put("status", "received");
        data.put("links", Map.of("self", "/advice-requests/" + request));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/review-service");
        event.put("type", "review.advice-request.submitted");
        event.put("subject", SUBJECT_PREFIX + request);
        event.put("time", java.time.Instant.now().toString());
        event.put("data", data);
        return event;
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
