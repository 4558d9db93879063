package org.clinicalsenate.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import org.clinicalsenate.dev.LocalIssuer;
import org.clinicalsenate.dev.Personas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;

/**
 * The local run's webhook receiver: a small HTTP server on loopback that verifies each webhook's
 * signature with the Standard Webhooks library, as an integrator would, and prints what arrived;
 * and a demo endpoint of the assurance-viewer persona pointing at it (registered on the first run,
 * its secret rotated on later runs, since a secret is shown only when issued). A new user sees a
 * signed webhook arrive seconds after submitting a request.
 */
final class WebhookDemo implements AutoCloseable {

    static final int PORT = 8089;
    private static final String PATH = "/webhooks";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final HttpServer server;
    private final PrintStream out;
    private volatile String secret;

    private WebhookDemo(HttpServer server, PrintStream out) {
        this.server = server;
        this.out = out;
    }

    /** The receiver on 127.0.0.1:{@value #PORT}, or null (and why, printed) when the port is taken. */
    static WebhookDemo start(PrintStream out) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        } catch (BindException e) {
            out.println("  webhook receiver: port " + PORT + " is in use, none started");
            return null;
        } catch (IOException e) {
            out.println("  webhook receiver: not started (" + e.getMessage() + ")");
            return null;
        }
        WebhookDemo demo = new WebhookDemo(server, out);
        server.setExecutor(Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext(PATH, exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
                demo.received(body, headers);
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
        return demo;
    }

    String url() {
        return "http://127.0.0.1:" + PORT + PATH;
    }

    private void received(String body, Map<String, List<String>> headers) {
        String id = headers.getOrDefault("webhook-id", List.of("?")).get(0);
        String verdict;
        try {
            new Webhook(secret).verify(body, headers);
            verdict = "signature verified";
        } catch (Exception e) {
            verdict = "SIGNATURE NOT VERIFIED (" + e.getMessage() + ")";
        }
        String type;
        String about = "";
        try {
            JsonNode payload = JSON.readTree(body);
            type = payload.path("type").asText();
            JsonNode data = payload.path("data");
            about = data.has("senate") ? " " + data.path("senate").asText() : "";
            about += data.has("id") ? " " + data.path("id").asText()
                    : data.has("adviceRequestId") ? " " + data.path("adviceRequestId").asText() : "";
        } catch (IOException e) {
            type = "(not JSON)";
        }
        out.printf("  %s webhook %s%s  %s, %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), type, about, id,
                verdict);
    }

    /**
     * The assurance-viewer persona's endpoint at this receiver: registered, or its secret rotated (the
     * previous one is not readable). One summary line.
     */
    String register(LocalIssuer issuer, String notificationUrl) {
        String token = Personas.ASSURANCE_VIEWER.token(issuer, Duration.ofMinutes(5));
        try {
            String existing = null;
            JsonNode page = JSON.readTree(call(token, "GET", notificationUrl + "/webhook-endpoints?limit=100", null));
            for (JsonNode endpoint : page.path("items")) {
                if (url().equals(endpoint.path("url").asText())) {
                    existing = endpoint.path("id").asText();
                }
            }
            if (existing == null) {
                String created = call(token, "POST", notificationUrl + "/webhook-endpoints", JSON.writeValueAsString(
                        Map.of("url", url(), "description", "Local run: the demo receiver")));
                secret = JSON.readTree(created).path("secret").asText();
                return "webhooks: a demo endpoint of the assurance-viewer persona posts every review event to " + url();
            }
            call(token, "POST", notificationUrl + "/webhook-endpoints/" + existing + "/enabling", null);
            String rotated = call(token, "POST", notificationUrl + "/webhook-endpoints/" + existing + "/secret-rotation",
                    null);
            secret = JSON.readTree(rotated).path("secret").asText();
            return "webhooks: the assurance-viewer persona's demo endpoint posts every review event to " + url()
                    + " (secret rotated for this run)";
        } catch (IOException e) {
            return "webhooks: no demo endpoint (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "webhooks: interrupted";
        }
    }

    private static String call(String token, String method, String url, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + url + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
