package org.clinicalsenate.dev;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal OpenID Connect issuer for the local run and the component tests: discovery, JWKS and
 * a client-credentials token endpoint, signing with the local key pair. It lets the services use
 * quarkus-oidc and the OIDC client filter exactly as in production (where a real provider such
 * as Keycloak stands here), without an identity server to install. Not for deployment.
 */
public final class LocalIssuer implements AutoCloseable {

    public static final String REALM_PATH = "/realms/local";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> clientSecrets;
    private final RsaJsonWebKey jwk;

    private LocalIssuer(HttpServer server, Map<String, String> clientSecrets) {
        this.server = server;
        this.clientSecrets = Map.copyOf(clientSecrets);
        this.jwk = new RsaJsonWebKey(LocalKeys.publicKey());
        jwk.setKeyId(LocalKeys.KEY_ID);
        jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        jwk.setUse("sig");
    }

    /** Starts on 127.0.0.1 at the given port (0 for any free port). */
    public static LocalIssuer start(int port, Map<String, String> clientSecrets) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "local-issuer");
                t.setDaemon(true);
                return t;
            }));
            LocalIssuer issuer = new LocalIssuer(server, clientSecrets);
            server.createContext(REALM_PATH + "/.well-known/openid-configuration", issuer::discovery);
            server.createContext(REALM_PATH + "/protocol/openid-connect/certs", issuer::certs);
            server.createContext(REALM_PATH + "/protocol/openid-connect/token", issuer::token);
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the local issuer on port " + port, e);
        }
    }

    /** The issuer URL: what {@code quarkus.oidc.auth-server-url} points at. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
    }

    /** A signed access token from this issuer. */
    public String token(String subject, List<String> groups, Map<String, Object> claims, Duration lifetime) {
        return sign(url(), subject, groups, claims, lifetime);
    }

    /**
     * A token as the local issuer at {@code issuerUrl} signs it; tests use this to mint tokens
     * without holding a reference to the running issuer.
     */
    public static String sign(String issuerUrl, String subject, List<String> groups, Map<String, Object> claims,
            Duration lifetime) {
        try {
            JwtClaims jwt = new JwtClaims();
            jwt.setIssuer(issuerUrl);
            jwt.setSubject(subject);
            jwt.setIssuedAtToNow();
            jwt.setExpirationTimeMinutesInTheFuture(lifetime.toSeconds() / 60f);
            jwt.setGeneratedJwtId();
            jwt.setClaim("preferred_username", subject);
            jwt.setStringListClaim("groups", groups);
            claims.forEach(jwt::setClaim);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(jwt.toJson());
            jws.setKey(LocalKeys.privateKey());
            jws.setKeyIdHeaderValue(LocalKeys.KEY_ID);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> body = new HashMap<>();
        body.put("issuer", url());
        body.put("jwks_uri", url() + "/protocol/openid-connect/certs");
        body.put("token_endpoint", url() + "/protocol/openid-connect/token");
        body.put("grant_types_supported", List.of("client_credentials"));
        body.put("id_token_signing_alg_values_supported", List.of("RS256"));
        body.put("subject_types_supported", List.of("public"));
        body.put("response_types_supported", List.of("token"));
        respond(exchange, 200, body);
    }

    private void certs(HttpExchange exchange) throws IOException {
        respond(exchange, 200, Map.of("keys", List.of(jwk.toParams(RsaJsonWebKey.OutputControlLevel.PUBLIC_ONLY))));
    }

    /** client_credentials only: each known service client gets a token with the service role. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            clientId = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            respond(exchange, 400, Map.of("error", "unsupported_grant_type"));
            return;
        }
        if (clientId == null || secret == null || !secret.equals(clientSecrets.get(clientId))) {
            respond(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        Duration lifetime = Duration.ofMinutes(5);
        respond(exchange, 200, Map.of(
                "access_token", token(clientId, List.of("service"), Map.of("azp", clientId), lifetime),
                "token_type", "Bearer",
                "expires_in", lifetime.toSeconds()));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
