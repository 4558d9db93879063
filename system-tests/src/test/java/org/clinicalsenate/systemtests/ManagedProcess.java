package org.clinicalsenate.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * An external process (Keycloak, a packaged service) whose whole process tree is killed on
 * {@link #close()}, and by a JVM shutdown hook if the test JVM dies first, so nothing outlives the build.
 */
class ManagedProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final Path log;
    private final Process process;
    private final Thread shutdownHook;
    private final Instant started = Instant.now();

    ManagedProcess(String name, List<String> command, Path workDir, Map<String, String> env, Path log) {
        this.name = name;
        this.log = log;
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            this.process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
        this.shutdownHook = new Thread(this::kill, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Polls url until the body satisfies ready; on timeout or early exit kills the process and fails with the log tail. */
    Duration awaitHttp(String url, Duration timeout, Predicate<HttpResponse<String>> ready) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                close();
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + logTail());
            }
            try {
                if (ready.test(HTTP.send(request, HttpResponse.BodyHandlers.ofString()))) {
                    return Duration.between(started, Instant.now());
                }
            } catch (IOException notYetListening) {
                // keep polling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException(name + " not ready at " + url + " within " + timeout + "\n" + logTail());
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing to remove
        }
    }

    /** SIGTERM to the whole tree (kc.sh forks java) so it shuts down cleanly; SIGKILL whatever is left after 10 s. */
    private void kill() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plusSeconds(10);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // still alive: forced below
            }
            p.destroyForcibly();
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path buildDir() {
        return Path.of(System.getProperty("build.dir", "target")).toAbsolutePath();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
