package org.clinicalsenate.review;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for notification-service's {@code POST /events}: it records each
 * CloudEvent with the Authorization and Content-Type headers it came with, and answers as
 * notification-service does: one event with 201 and the ReceivedEvent, a CloudEvents JSON batch
 * ({@code application/cloudevents-batch+json}) whole with 202 and {@code {events, received,
 * redelivered}}. It answers 500 (a fault) or 422 (a refusal, naming the event by its index as
 * notification-service does) to a request holding an event a test tells it to reject or refuse; a
 * batch is then refused whole. It can be stopped (the port is then closed) and started again on the
 * same port.
 */
public final class NotificationReceiver {

    static final String BATCH = "application/cloudevents-batch+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One event received: the event, the Authorization and Content-Type headers of its request, the
     * status answered, and which POST /events it came in (the first is 1), shared by the events of a
     * batch.
     */
    public record Delivery(JsonNode event, String authorization, String contentType, int status, int request) {
        public boolean accepted() {
            return status == 201 || status == 202;
        }

        public String id() {
            return event.path("id").asText();
        }
    }

    /** Answer {@code status} to a request holding an event that matches. */
    private record Rejection(Predicate<JsonNode> events, int status) {
    }

    private static final Rejection NONE = new Rejection(event -> false, 0);

    private final int port;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Set<String> stored = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Rejection rejection = NONE;
    private HttpServer server;
    private ExecutorService executor;

    private NotificationReceiver(int port) {
        this.port = port;
    }

    /** Starts on a free loopback port, which it keeps for restarts. */
    public static NotificationReceiver startOnFreePort() {
        HttpServer first = bind(0);
        NotificationReceiver receiver = new NotificationReceiver(first.getAddress().getPort());
        receiver.serve(first);
        return receiver;
    }

    private void serve(HttpServer bound) {
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "notification-receiver");
            t.setDaemon(true);
            return t;
        });
        bound.setExecutor(executor);
        bound.createContext("/events", this::handle);
        bound.start();
        server = bound;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts again on the same port. */
    public synchronized void start() {
        if (server == null) {
            serve(bind(port));
        }
    }

    /** Stops and closes the port: deliveries are refused. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** Answer 500, as a server fault, to a request holding an event that matches this (the rest are accepted). */
    public void reject(Predicate<JsonNode> events) {
        rejection = new Rejection(events, 500);
    }

    /** Answer 422, refusing the content, to a request holding an event that matches this (the rest are accepted). */
    public void refuse(Predicate<JsonNode> events) {
        rejection = new Rejection(events, 422);
    }

    public void acceptAll() {
        rejection = NONE;
    }

    public void forget() {
        deliveries.clear();
    }

    /** Every event received, in arrival order (a batch's in its order). */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The events received, by the POST /events they came in, in arrival order. */
    public List<List<Delivery>> requests() {
        return List.copyOf(deliveries.stream()
                .collect(Collectors.groupingBy(Delivery::request, TreeMap::new, Collectors.toList())).values());
    }

    /** The events accepted (answered 201 or, in a batch, 202), in arrival order. */
    public List<Delivery> accepted() {
        return deliveries.stream().filter(Delivery::accepted).toList();
    }

    private static HttpServer bind(int onPort) {
        try {
            return HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + onPort, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, Map.of());
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            boolean batch = contentType != null && contentType.startsWith(BATCH);
            JsonNode body = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            List<JsonNode> events = new ArrayList<>();
            (batch ? body : JSON.createArrayNode().add(body)).forEach(events::add);
            Rejection now = rejection;
            int refused = indexOf(now.events(), events);
            int status = refused >= 0 ? now.status() : batch ? 202 : 201;
            int request = requests.incrementAndGet();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            deliveries.addAll(events.stream()
                    .map(event -> new Delivery(event, authorization, contentType, status, request)).toList());
            if (status == 500) {
                respond(exchange, 500, Map.of("type", "urn:clinical-senate:problem:internal", "title", "Internal error",
                        "status", 500));
            } else if (status == 422) {
                respond(exchange, 422, Map.of("type", "urn:clinical-senate:problem:rule-violated", "title",
                        "Rule violated", "status", 422, "errors", List.of(Map.of(
                                "field", (batch ? "[" + refused + "]." : "") + "data", "message", "refused by the test"))));
            } else if (batch) {
                long redelivered = events.stream().filter(event -> !stored.add(event.path("id").asText())).count();
                respond(exchange, 202, Map.of("events", events.size(), "received", events.size() - redelivered,
                        "redelivered", redelivered));
            } else {
                stored.add(body.path("id").asText());
                respond(exchange, 201, Map.of("event", body, "receivedAt", Instant.now().toString(), "deliveries", 1));
            }
        }
    }

    private static int indexOf(Predicate<JsonNode> rejected, List<JsonNode> events) {
        for (int i = 0; i < events.size(); i++) {
            if (rejected.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
