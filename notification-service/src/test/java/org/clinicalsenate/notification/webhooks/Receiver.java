package org.clinicalsenate.notification.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback, as an integrator would write it: every request it gets is
 * verified with the Standard Webhooks library against the secrets it was given (each
 * {@code v1,} signature of the header must be by one of them, and at least one signature present),
 * and kept with the outcome. What it answers is set per test (status, headers, body, delay).
 */
final class Receiver implements AutoCloseable {

    /** A request as received, and whether its signatures verified. */
    record Delivery(String webhookId, long timestamp, String signatureHeader, String body, boolean verified,
            List<String> signedBy, long arrivedNanos) {
    }

    /** What to answer. */
    record Answer(int status, Map<String, String> headers, byte[] body, long delayMs) {
        static Answer status(int status) {
            return new Answer(status, Map.of(), new byte[0], 0);
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private volatile Answer otherwise = Answer.status(204);
    private volatile List<String> secrets = List.of();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            long arrived = System.nanoTime();
            int now = concurrent.incrementAndGet();
            maxConcurrent.accumulateAndGet(now, Math::max);
            try (exchange) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                Map<String, List<String>> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
                deliveries.add(verify(headers, new String(body, StandardCharsets.UTF_8), arrived));
                Answer answer = answers.poll();
                if (answer == null) {
                    answer = otherwise;
                }
                if (answer.delayMs() > 0) {
                    try {
                        Thread.sleep(answer.delayMs());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
                if (answer.body().length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer.body());
                    } catch (IOException closedByTheSender) {
                        // the sender reads only the first 1 KB
                    }
                }
            } finally {
                concurrent.decrementAndGet();
            }
        });
        server.start();
    }

    /**
     * Verifies as an integrator would: with the library's {@code verify} (which also refuses a
     * timestamp more than 5 minutes from now) when the timestamp is recent, and in any case each
     * signature against the library's own signing of {@code id.timestamp.body} with each secret.
     */
    private Delivery verify(Map<String, List<String>> headers, String body, long arrived) {
        String id = first(headers, "webhook-id");
        String timestampText = first(headers, "webhook-timestamp");
        String signatureHeader = first(headers, "webhook-signature");
        long timestamp = timestampText == null ? 0 : Long.parseLong(timestampText);
        boolean verified = id != null && signatureHeader != null && !secrets.isEmpty();
        List<String> signedBy = new ArrayList<>();
        if (verified) {
            for (String signature : signatureHeader.split(" ")) {
                String by = null;
                for (String secret : secrets) {
                    try {
                        if (new Webhook(secret).sign(id, timestamp, body).equals(signature)) {
                            by = secret;
                        }
                    } catch (Exception e) {
                        verified = false;
                    }
                }
                if (by == null) {
                    verified = false;
                } else {
                    signedBy.add(by);
                }
            }
            if (Math.abs(Instant.now().getEpochSecond() - timestamp) < 240) {
                for (String secret : signedBy) {
                    try {
                        new Webhook(secret).verify(body, headers);
                    } catch (Exception e) {
                        verified = false;
                    }
                }
            }
        }
        return new Delivery(id, timestamp, signatureHeader, body, verified, signedBy, arrived);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void secrets(String... secrets) {
        this.secrets = Arrays.asList(secrets);
    }

    void answerNext(Answer... next) {
        answers.addAll(Arrays.asList(next));
    }

    void answerOtherwise(Answer answer) {
        otherwise = answer;
    }

    List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    int maxConcurrent() {
        return maxConcurrent.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
