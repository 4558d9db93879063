package org.clinicalsenate.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** Access tokens from the real Keycloak, with plain java.net.http so tests need no Quarkus on the classpath. */
public final class Tokens {

    /** Public client of the realm with the password grant enabled. */
    public static final String TEST_CLIENT = "system-tests";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    /** Token of a demo user of the realm (password convention: username + "-pass"). */
    public static String user(KeycloakServer keycloak, String username) {
        return password(keycloak.tokenUrl(), TEST_CLIENT, username, username + "-pass");
    }

    public static String password(String tokenUrl, String clientId, String username, String password) {
        return request(tokenUrl, Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password));
    }

    /** Token of a service account; the realm's local secret is clientId + "-local-secret". */
    public static String service(KeycloakServer keycloak, String clientId) {
        return clientCredentials(keycloak.tokenUrl(), clientId, clientId + "-local-secret");
    }

    public static String clientCredentials(String tokenUrl, String clientId, String secret) {
        return request(tokenUrl, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /** The JWT payload, unverified: tests read claims, the services do the verifying. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWS compact token");
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String request(String tokenUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request failed for " + form.getOrDefault("username", form.get("client_id")) + ": "
                        + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).required("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
