package org.clinicalsenate.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service running as a child JVM, its output in a log file. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final Path log;
    private final Process process;
    private final long startedAt = System.nanoTime();
    private volatile boolean stopping;
    private volatile boolean watched;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static ServiceProcess start(String name, int port, Path jar, List<String> jvmOptions, Map<String, String> env,
            Path log) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        ServiceProcess service = new ServiceProcess(name, port, log, builder.start());
        service.process.onExit().thenAccept(p -> {
            if (service.watched && !service.stopping) {
                System.err.printf("%n!! %s exited unexpectedly (exit code %d); see its log: %s%n", name, p.exitValue(), log);
            }
        });
        return service;
    }

    /** From now on (after startup) an unexpected exit is reported on the terminal. */
    void watch() {
        watched = true;
    }

    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Seconds since the process started. */
    double uptime() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** True once /q/health/ready answers 200 (status UP). */
    boolean isReady() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until ready; false on timeout or if the process exits first. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = startedAt + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            if (isReady()) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** SIGTERM to the process and its descendants. */
    void requestStop() {
        stopping = true;
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
    }

    /** Waits until the deadline, then kills whatever is left of the process tree. */
    void awaitStop(long deadlineNanos) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            process.waitFor(left, TimeUnit.NANOSECONDS);
        }
        if (process.isAlive()) {
            System.err.println("   " + name + " did not stop within 10 s: killing it");
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The last lines of the log, for a failure report. */
    List<String> logTail(int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }
}
