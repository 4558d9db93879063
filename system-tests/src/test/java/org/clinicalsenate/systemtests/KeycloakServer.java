package org.clinicalsenate.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real Keycloak (the distribution unpacked by the system-tests profile) in dev mode with the
 * clinical-senate realm imported fresh. Dev mode keeps an H2 store under data/, so each start wipes it.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "clinical-senate";
    /** The master realm's bootstrap administrator (local only). */
    private static final String ADMIN_USER = "kcadmin";
    private static final String ADMIN_PASSWORD = "kcadmin-pass";
    /** Cold start after a fresh unpack includes Quarkus re-augmentation (~70 s on 2 cores); -Dkeycloak.start-timeout=seconds to raise it. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("keycloak.start-timeout", 120));

    private final ManagedProcess process;
    private final int port;
    private final Duration startupTime;

    private KeycloakServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
        this.startupTime = process.awaitHttp(issuer() + "/.well-known/openid-configuration", START_TIMEOUT,
                r -> r.statusCode() == 200);
        System.out.printf("Keycloak ready on port %d after %d s%n", port, startupTime.toSeconds());
    }

    public static KeycloakServer start() {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.7.3")).toAbsolutePath();
        Path realm = Path.of(System.getProperty("keycloak.realm.file", "../deploy/keycloak/clinical-senate-realm.json"));
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + home + ": run with -Psystem-tests to unpack it");
        }
        resetData(home, realm);
        int port = ManagedProcess.freePort();
        int managementPort = ManagedProcess.freePort();
        Map<String, String> env = Map.of(
                "JAVA_HOME", javaHome().toString(),
                // master-realm admin, only for poking at the admin console while a test runs
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // bash, not ./kc.sh: the unpacked zip may have lost the executable bit
        List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-port=" + port, "--http-management-port=" + managementPort);
        ManagedProcess process = new ManagedProcess("keycloak", command, home, env,
                ManagedProcess.buildDir().resolve("keycloak.log"));
        return new KeycloakServer(process, port);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** What services put in QUARKUS_OIDC_AUTH_SERVER_URL; also the iss claim (dev mode derives it from the request host). */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public Duration startupTime() {
        return startupTime;
    }

    /**
     * Sets an attribute of a realm user through Keycloak's admin API, as an identity administrator
     * would when linking an account to its record (e.g. {@code member_id}).
     */
    public void setUserAttribute(String username, String attribute, String value) {
        String admin = Tokens.password(baseUrl() + "/realms/master/protocol/openid-connect/token", "admin-cli",
                ADMIN_USER, ADMIN_PASSWORD);
        String users = baseUrl() + "/admin/realms/" + REALM + "/users";
        JsonNode found = AdminApi.send(admin, "GET", users + "?exact=true&username=" + username, null);
        if (!found.isArray() || found.size() != 1) {
            throw new IllegalStateException("No single realm user " + username + ": " + found);
        }
        ObjectNode user = (ObjectNode) found.get(0);
        ObjectNode attributes = user.has("attributes") ? (ObjectNode) user.get("attributes") : user.putObject("attributes");
        attributes.putArray(attribute).add(value);
        AdminApi.send(admin, "PUT", users + "/" + user.get("id").asText(), user);
    }

    @Override
    public void close() {
        process.close();
    }

    private static void resetData(Path home, Path realm) {
        Path data = home.resolve("data");
        try {
            if (Files.exists(data)) {
                try (Stream<Path> files = Files.walk(data)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(data.resolve("import"));
            Files.copy(realm, data.resolve("import").resolve(realm.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + data, e);
        }
    }

    /** Keycloak 26 needs Java 21+, the build may run on 17: KEYCLOAK_JAVA_HOME, this JVM, or the newest JDK in /usr/lib/jvm. */
    static Path javaHome() {
        String configured = Optional.ofNullable(System.getProperty("keycloak.java.home"))
                .orElse(System.getenv("KEYCLOAK_JAVA_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(p -> javaVersion(p) >= 21 && Files.isExecutable(p.resolve("bin/java")))
                    .max(Comparator.comparingInt(KeycloakServer::javaVersion))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Keycloak needs Java 21+: set KEYCLOAK_JAVA_HOME", e);
        }
    }

    private static int javaVersion(Path jdk) {
        try {
            Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(jdk.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
