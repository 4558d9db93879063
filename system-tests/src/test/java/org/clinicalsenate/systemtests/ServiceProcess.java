package org.clinicalsenate.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A packaged Quarkus service ({@code <module>/target/quarkus-app/quarkus-run.jar}, built by
 * {@code ./mvnw package} beforehand) run as the real thing: configured only through environment
 * variables, as in production, e.g. QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_OIDC_AUTH_SERVER_URL,
 * QUARKUS_OIDC_CLIENT_CLIENT_ID / QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final ManagedProcess process;
    private final int port;

    private ServiceProcess(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
        Duration took = process.awaitHttp(baseUrl() + "/q/health/ready", START_TIMEOUT,
                r -> r.statusCode() == 200 && r.body().contains("\"UP\""));
        System.out.printf("%s ready on port %d after %d s%n", process.name, port, took.toSeconds());
    }

    /** Starts module (e.g. "review-service") on a free port; env is added to this JVM's environment. */
    public static ServiceProcess start(String module, Map<String, String> env) {
        return start(module, ManagedProcess.freePort(), env);
    }

    public static ServiceProcess start(String module, int port, Map<String, String> env) {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": package the services first (./mvnw package -DskipTests)");
        }
        Map<String, String> fullEnv = new HashMap<>(env);
        fullEnv.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // the services target Java 17: the JVM running the tests will do; work dir is target/ so no stray .env or config/ is read
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ManagedProcess process = new ManagedProcess(module, List.of(java, "-jar", jar.toString()),
                ManagedProcess.buildDir(), fullEnv, ManagedProcess.buildDir().resolve(module + ".log"));
        return new ServiceProcess(process, port);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.close();
    }
}
