package org.clinicalsenate.review;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for notification-service's {@code POST /events}: it records each
 * CloudEvent with the Authorization header it came with, and answers as notification-service does
 * (201 with the ReceivedEvent), or 500 for the events a test tells it to reject. It can be stopped
 * (the port is then closed) and started again on the same port.
 */
public final class NotificationReceiver {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One POST /events: the event, the Authorization and Content-Type headers, and the status answered. */
    public record Delivery(JsonNode event, String authorization, String contentType, int status) {
        public boolean accepted() {
            return status == 201;
        }

        public String id() {
            return event.path("id").asText();
        }
    }

    private final int port;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile Predicate<JsonNode> rejected = event -> false;
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

    /** Answer 500 to the events matching this (the rest are accepted). */
    public void reject(Predicate<JsonNode> events) {
        rejected = events;
    }

    public void acceptAll() {
        rejected = event -> false;
    }

    public void forget() {
        deliveries.clear();
    }

    /** Every POST /events received, in arrival order. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The events accepted (answered 201), in arrival order. */
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
            JsonNode event = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = rejected.test(event) ? 500 : 201;
            deliveries.add(new Delivery(event, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), status));
            if (status == 201) {
                respond(exchange, 201, Map.of("event", event, "receivedAt", Instant.now().toString(), "deliveries", 1));
            } else {
                respond(exchange, 500, Map.of("type", "urn:clinical-senate:problem:internal", "title", "Internal error",
                        "status", 500));
            }
        }
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
