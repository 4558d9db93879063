package org.clinicalsenate.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.clinicalsenate.dev.EmbeddedDatabase;
import org.clinicalsenate.dev.EmbeddedDatabase.Durability;
import org.clinicalsenate.dev.LocalIssuer;
import org.clinicalsenate.dev.Personas;
import org.clinicalsenate.dev.Personas.Persona;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.FileHandler;

/**
 * The embedded default: starts the three packaged services on one embedded PostgreSQL server
 * (three databases, data kept between runs) with the local OIDC issuer, seeds demo data, prints
 * Swagger UI links and tokens for the demo personas, and stops everything on Ctrl-C.
 */
public final class Launcher {

    /** The services, in start order, with their fixed ports (their REST clients refer to each other by these). */
    static final Map<String, Integer> SERVICES = new LinkedHashMap<>();
    static {
        SERVICES.put("membership-service", 8081);
        SERVICES.put("review-service", 8082);
        SERVICES.put("notification-service", 8083);
    }

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
    /**
     * Quick to start and small on a small machine. Without -Xms the JVM commits 1/64 of the
     * machine's memory as its first heap whatever the service needs (376 MB on 24 GB).
     */
    private static final List<String> DEFAULT_SERVICE_JVM_OPTIONS =
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms32m", "-Xmx384m");

    private final Options options;
    private final Path logs;
    private final Path pidFile;
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private FileLock lock;
    private EmbeddedDatabase database;
    private LocalIssuer issuer;
    private boolean stopped;

    private Launcher(Options options) {
        this.options = options;
        this.logs = options.dataDir.resolve("logs");
        this.pidFile = options.dataDir.resolve("launcher.pids");
    }

    public static void main(String[] args) {
        // before anything touches java.util.logging: zonky's logs go through jboss-logmanager
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        Launcher launcher = new Launcher(options);
        // Ctrl-C, kill and a closed terminal stop everything in order (services, issuer, then
        // PostgreSQL) before the JVM exits; the shutdown hook covers any other way out.
        launcher.handleSignals();
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "launcher-stop"));
        try {
            launcher.start();
        } catch (StartupFailure e) {
            if (launcher.isStopped()) {
                return; // stopped by a signal while starting: the signal handler exits
            }
            System.err.println();
            System.err.println("FAILED: " + e.getMessage());
            System.exit(1); // runs the shutdown hook: whatever started is stopped
        } catch (RuntimeException e) {
            if (launcher.isStopped()) {
                return;
            }
            System.err.println();
            System.err.println("FAILED: " + e);
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                System.err.println("  caused by: " + cause);
            }
            System.exit(1);
        }
        try {
            new CountDownLatch(1).await(); // until Ctrl-C or SIGTERM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Own handlers for SIGINT, SIGTERM and SIGHUP: the JVM would run all shutdown hooks at once,
     * and zonky's own hook would stop PostgreSQL under the services still shutting down. (A
     * launcher started in the background by a script inherits SIGINT ignored, and the JVM then
     * keeps it ignored: stop that one with SIGTERM.)
     */
    @SuppressWarnings("sunapi")
    private void handleSignals() {
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    stop();
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // not available on this platform: the shutdown hook still stops everything
            }
        }
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    /** Keeps what started for the stop, unless a stop came first: then closes it at once. */
    private synchronized <T> T register(T started, Runnable close) {
        if (stopped) {
            close.run();
            throw new StartupFailure("stopped while starting");
        }
        return started;
    }

    private void start() {
        long begin = System.nanoTime();
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new StartupFailure("cannot create " + display(logs) + ": " + e.getMessage());
        }
        lockDataDirectory();
        routeLibraryLogs(logs.resolve("postgres.log"));
        stopLeftovers();

        System.out.println("Clinical Senate platform - local run");
        System.out.println("  data in " + display(options.dataDir) + ", logs in " + display(logs));

        Map<String, Path> jars = new LinkedHashMap<>();
        SERVICES.keySet().forEach(name -> {
            Path jar = options.root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
            if (Files.isRegularFile(jar)) {
                jars.put(name, jar);
            } else {
                System.out.println("  " + name + " is not built (" + display(jar) + " is missing): "
                        + "./run.sh builds what is missing (or ./mvnw install -DskipTests)");
            }
        });
        if (jars.isEmpty()) {
            throw new StartupFailure("no service is built under " + display(options.root)
                    + ": run ./run.sh --rebuild (or ./mvnw install -DskipTests) first");
        }

        List<String> busy = new ArrayList<>();
        checkPort(options.pgPort, "PostgreSQL", busy);
        checkPort(options.issuerPort, "the local issuer", busy);
        jars.keySet().forEach(name -> checkPort(SERVICES.get(name), name, busy));
        if (!busy.isEmpty()) {
            throw new StartupFailure("ports in use: " + String.join(", ", busy)
                    + "\n  Is another run still going? Stop it first. (--pg-port and --issuer-port move PostgreSQL and"
                    + " the issuer; the service ports are fixed.)");
        }

        startDatabase();
        LocalIssuer localIssuer = LocalIssuer.start(options.issuerPort, Personas.SERVICE_CLIENTS);
        synchronized (this) {
            issuer = register(localIssuer, localIssuer::close);
        }
        System.out.println("  local OIDC issuer at " + issuer.url());

        for (Map.Entry<String, Path> jar : jars.entrySet()) {
            String name = jar.getKey();
            int port = SERVICES.get(name);
            try {
                ServiceProcess service = ServiceProcess.start(name, port, jar.getValue(), serviceJvmOptions(),
                        serviceEnvironment(name, port), logs.resolve(name + ".log"));
                synchronized (this) {
                    register(service, () -> {
                        service.requestStop();
                        try {
                            service.awaitStop(System.nanoTime() + STOP_TIMEOUT.toNanos());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    running.put(name, service);
                }
            } catch (IOException e) {
                throw new StartupFailure("cannot start " + name + ": " + e.getMessage());
            }
        }
        writePidFile();
        System.out.println("  starting " + String.join(", ", running.keySet()) + " ...");
        awaitReady();
        double readyAfter = (System.nanoTime() - begin) / 1e9;

        DemoData.Result seeded = options.seed ? DemoData.seed(issuer, running)
                : new DemoData.Result(List.of("demo data: skipped (--no-seed)"), DemoData.existingPersonas(issuer, running));
        List<Persona> personas = new ArrayList<>(Personas.DEMO);
        personas.addAll(seeded.personas());
        List<String> lines = new ArrayList<>(seeded.lines());
        ServiceProcess notification = running.get("notification-service");
        if (notification != null) {
            WebhookDemo receiver = WebhookDemo.start(System.out);
            if (receiver != null) {
                synchronized (this) {
                    register(receiver, receiver::close);
                }
                lines.add(receiver.register(issuer, notification.baseUrl()));
            }
        }
        printSummary(readyAfter, lines, personas, writeTokens(personas));
    }

    private void lockDataDirectory() {
        try {
            FileChannel channel = FileChannel.open(options.dataDir.resolve("launcher.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new StartupFailure("another launcher is already running on " + display(options.dataDir)
                        + ": stop it first (Ctrl-C in its terminal)");
            }
        } catch (IOException e) {
            throw new StartupFailure("cannot lock " + display(options.dataDir) + ": " + e.getMessage());
        }
    }

    /**
     * A launcher killed with SIGKILL cannot stop its children; the next run stops what it left
     * (services listed in the pid file, the PostgreSQL server of the data directory).
     */
    private void stopLeftovers() {
        List<ProcessHandle> leftovers = new ArrayList<>();
        if (Files.isRegularFile(pidFile)) {
            try {
                for (String line : Files.readAllLines(pidFile)) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length == 2) {
                        String jar = "/" + parts[0] + "/target/quarkus-app/quarkus-run.jar";
                        ProcessHandle.of(Long.parseLong(parts[1]))
                                .filter(p -> p.info().commandLine().orElse("").contains(jar))
                                .ifPresent(leftovers::add);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // an unreadable pid file: nothing to clean
            }
        }
        Path postmasterPid = options.dataDir.resolve("postgres/postmaster.pid");
        Optional<ProcessHandle> postmaster = Optional.empty();
        if (Files.isRegularFile(postmasterPid)) {
            try {
                long pid = Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim());
                postmaster = ProcessHandle.of(pid)
                        .filter(p -> p.info().command().orElse("").endsWith("/postgres"));
            } catch (IOException | RuntimeException e) {
                // no usable pid: PostgreSQL itself deals with a stale postmaster.pid
            }
        }
        if (leftovers.isEmpty() && postmaster.isEmpty()) {
            return;
        }
        System.out.println("Stopping what an earlier run left behind ...");
        leftovers.forEach(ProcessHandle::destroy);
        awaitExit(leftovers, STOP_TIMEOUT);
        postmaster.ifPresent(p -> {
            p.destroy(); // SIGTERM: smart shutdown, quick once the services are gone
            awaitExit(List.of(p), STOP_TIMEOUT);
        });
    }

    private static void awaitExit(List<ProcessHandle> processes, Duration timeout) {
        // polled: onExit() of a process that is not our child polls with a long back-off
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void startDatabase() {
        Path pgData = options.dataDir.resolve("postgres");
        if (Files.isDirectory(pgData) && !Files.isWritable(pgData)) {
            throw new StartupFailure(display(pgData) + " belongs to another user: run as that user, or use another"
                    + " --data-dir, or delete it to start afresh");
        }
        boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
        System.out.println("  PostgreSQL on port " + options.pgPort + (fresh ? " (first run: creating the data directory)" : "")
                + " ...");
        try {
            // durable: a change the platform acknowledged survives a crash of PostgreSQL or of the machine
            EmbeddedDatabase started = EmbeddedDatabase.start(pgData, options.pgPort, Durability.DURABLE);
            synchronized (this) {
                database = register(started, started::close);
            }
        } catch (StartupFailure e) {
            throw e;
        } catch (RuntimeException e) {
            String hint = "see " + display(logs.resolve("postgres.log"));
            if ("root".equals(System.getProperty("user.name"))) {
                hint += ". As root, PostgreSQL runs in a user namespace (unshare -U); where that is not allowed,"
                        + " run as an ordinary user";
            }
            throw new StartupFailure("PostgreSQL did not start: " + rootCause(e) + "\n  " + hint);
        }
        SERVICES.keySet().forEach(name -> database.ensureDatabase(database(name)));
    }

    private static String database(String service) {
        return service.substring(0, service.indexOf('-'));
    }

    private List<String> serviceJvmOptions() {
        String custom = System.getenv("SENATE_SERVICE_JAVA_OPTS");
        if (custom != null) {
            return custom.isBlank() ? List.of() : Arrays.asList(custom.trim().split("\\s+"));
        }
        return DEFAULT_SERVICE_JVM_OPTIONS;
    }

    private Map<String, String> serviceEnvironment(String name, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", options.host);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(database(name)));
        env.put("QUARKUS_DATASOURCE_USERNAME", database.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuer.url());
        env.put("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", issuer.url());
        env.put("QUARKUS_OIDC_CLIENT_CLIENT_ID", name);
        env.put("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET", Personas.SERVICE_CLIENTS.get(name));
        env.put("QUARKUS_REST_CLIENT_MEMBERSHIP_URL", "http://localhost:" + SERVICES.get("membership-service"));
        env.put("QUARKUS_REST_CLIENT_NOTIFICATION_URL", "http://localhost:" + SERVICES.get("notification-service"));
        // the local run's webhook receiver listens on plain http on loopback: allowed here only
        env.put("SENATE_WEBHOOKS_ALLOW_HTTP", "true");
        env.put("SENATE_WEBHOOKS_ALLOW_LOOPBACK", "true");
        // no trace collector here: requests keep their trace ids (events carry them) but nothing is exported,
        // unless the caller's environment says otherwise
        env.put("QUARKUS_OTEL_TRACES_SAMPLER_ARG", System.getenv().getOrDefault("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0.0"));
        return env;
    }

    private void writePidFile() {
        StringBuilder text = new StringBuilder();
        running.values().forEach(s -> text.append(s.name).append(' ').append(s.pid()).append('\n'));
        try {
            Files.writeString(pidFile, text);
        } catch (IOException e) {
            System.err.println("  (cannot write " + display(pidFile) + ": " + e.getMessage() + ")");
        }
    }

    /** Waits for all services in parallel; on a failure shows the log tail and gives up. */
    private void awaitReady() {
        Map<String, CompletableFuture<Boolean>> ready = new LinkedHashMap<>();
        java.util.concurrent.Executor threadEach = task -> {
            Thread t = new Thread(task, "await-ready");
            t.setDaemon(true);
            t.start();
        };
        running.values().forEach(s -> ready.put(s.name, CompletableFuture.supplyAsync(() -> {
            try {
                boolean ok = s.awaitReady(READY_TIMEOUT);
                if (ok) {
                    System.out.printf(Locale.ROOT, "  %-21s ready after %.1f s%n", s.name, s.uptime());
                }
                return ok;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, threadEach)));
        long begin = System.nanoTime();
        long nextReport = begin + TimeUnit.SECONDS.toNanos(10);
        List<String> failed = List.of();
        // until all are ready or one has failed: no waiting for the others then
        while (failed.isEmpty() && !ready.values().stream().allMatch(CompletableFuture::isDone)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupFailure("interrupted");
            }
            failed = ready.entrySet().stream().filter(r -> r.getValue().isDone() && !r.getValue().join())
                    .map(Map.Entry::getKey).toList();
            if (System.nanoTime() > nextReport) {
                nextReport += TimeUnit.SECONDS.toNanos(10);
                List<String> waiting = ready.entrySet().stream().filter(r -> !r.getValue().isDone()).map(Map.Entry::getKey).toList();
                if (!waiting.isEmpty()) {
                    System.out.printf(Locale.ROOT, "  ... still waiting for %s (%d s)%n", String.join(", ", waiting),
                            (System.nanoTime() - begin) / 1_000_000_000L);
                }
            }
        }
        failed = ready.entrySet().stream().filter(r -> r.getValue().isDone() && !r.getValue().join())
                .map(Map.Entry::getKey).toList();
        if (failed.isEmpty()) {
            running.values().forEach(ServiceProcess::watch);
            return;
        }
        StringBuilder report = new StringBuilder();
        for (String name : failed) {
            ServiceProcess s = running.get(name);
            report.append(String.format("%n%s %s; last lines of %s:%n", name,
                    s.isAlive() ? "was not ready within " + READY_TIMEOUT.toSeconds() + " s" : "exited", display(s.log)));
            s.logTail(30).forEach(line -> report.append("  | ").append(line).append('\n'));
        }
        throw new StartupFailure(String.join(", ", failed) + " did not start" + report);
    }

    /** Writes the tokens as shell exports; returns them by variable name. */
    private Map<String, String> writeTokens(List<Persona> personas) {
        Map<String, String> tokens = new LinkedHashMap<>();
        StringBuilder env = new StringBuilder("# Demo persona tokens from the local run (valid " + TOKEN_LIFETIME.toHours()
                + " hours). Usage: source " + display(options.dataDir.resolve("tokens.env")) + "\n");
        for (Persona persona : personas) {
            String variable = variable(persona);
            String token = persona.token(issuer, TOKEN_LIFETIME);
            tokens.put(variable, token);
            env.append("# ").append(persona.description()).append('\n')
                    .append("export ").append(variable).append('=').append(token).append('\n');
            if (persona.claims().containsKey("member_id")) {
                env.append("export MEMBER_ID=").append(persona.claims().get("member_id")).append('\n');
            }
        }
        env.append("export SENATE_ISSUER_URL=").append(issuer.url()).append('\n');
        Path file = options.dataDir.resolve("tokens.env");
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, env, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("  (cannot write " + display(file) + ": " + e.getMessage() + ")");
        }
        return tokens;
    }

    /** PLATFORM_ADMIN_TOKEN from the persona's role. */
    static String variable(Persona persona) {
        return persona.groups().get(0).toUpperCase(Locale.ROOT).replace('-', '_') + "_TOKEN";
    }

    private void printSummary(double readyAfter, List<String> seeded, List<Persona> personas, Map<String, String> tokens) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nAll started in %.1f s.%n%nSwagger UI:%n", readyAfter));
        SERVICES.forEach((name, port) -> out.append(String.format("  %-21s http://localhost:%d/q/swagger-ui%s%n", name, port,
                running.containsKey(name) ? "" : "   (not built, not running)")));
        out.append("\nDemo data:\n");
        seeded.forEach(line -> out.append("  ").append(line).append('\n'));
        out.append(String.format("%nBearer tokens for the demo personas (valid %d hours; also in %s):%n",
                TOKEN_LIFETIME.toHours(), display(options.dataDir.resolve("tokens.env"))));
        for (Persona persona : personas) {
            String variable = variable(persona);
            out.append(String.format("%n# %s%nexport %s=%s%n", persona.description(), variable, tokens.get(variable)));
        }
        out.append("\nTry:\n  source ").append(display(options.dataDir.resolve("tokens.env"))).append('\n');
        if (running.containsKey("review-service")) {
            out.append("  curl -H \"Authorization: Bearer $REQUESTER_TOKEN\" http://localhost:8082/advice-requests\n");
        }
        out.append("  curl -H \"Authorization: Bearer $PLATFORM_ADMIN_TOKEN\" http://localhost:8081/audit-entries\n");
        out.append("  curl http://localhost:8081/senates\n");
        out.append("  curl http://localhost:8081/senates/south-east/register\n");
        out.append("  curl -H \"Authorization: Bearer $SENATE_ADMIN_TOKEN\" http://localhost:8081/senates/south-east/composition\n");
        out.append("\nRunning. Press Ctrl-C to stop everything.\n");
        System.out.print(out);
        System.out.flush();
    }

    /** The shutdown hook: services, then the issuer, then PostgreSQL. */
    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (running.isEmpty() && issuer == null && database == null) {
            return;
        }
        System.out.println();
        System.out.println("Stopping ...");
        running.values().forEach(ServiceProcess::requestStop);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ServiceProcess s : running.values()) {
            try {
                s.awaitStop(deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!running.isEmpty()) {
            System.out.println("  services stopped");
        }
        if (issuer != null) {
            issuer.close();
        }
        if (database != null) {
            Optional<ProcessHandle> postmaster = postmaster();
            try {
                database.close();
            } catch (RuntimeException e) {
                System.err.println("  PostgreSQL: " + rootCause(e));
            }
            // zonky's own shutdown hook may be stopping it concurrently: wait for the server itself
            postmaster.ifPresent(p -> awaitExit(List.of(p), STOP_TIMEOUT));
            System.out.println("  PostgreSQL stopped");
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // harmless: the next run checks the listed processes
        }
        System.out.println("stopped");
        System.out.flush();
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(options.dataDir.resolve("postgres/postmaster.pid"));
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** zonky logs through SLF4J (its messages and the server's output): into a file, not the terminal. */
    private static void routeLibraryLogs(Path file) {
        try {
            org.jboss.logmanager.Logger root = LogContext.getSystemLogContext().getLogger("");
            root.clearHandlers();
            FileHandler handler = new FileHandler(new PatternFormatter("%d{HH:mm:ss} %-5p [%c{1.}] %s%e%n"),
                    file.toFile(), true);
            handler.setAutoFlush(true);
            root.addHandler(handler);
            root.setLevel(Level.INFO);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkPort(int port, String what, List<String> busy) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            busy.add(port + " (" + what + ")");
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + cause.getMessage();
    }

    /** Relative to the working directory when below it: shorter, and copyable. */
    private static String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) && !absolute.equals(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }

    /** A failure to report in one message, without a stack trace. */
    static final class StartupFailure extends RuntimeException {
        StartupFailure(String message) {
            super(message);
        }
    }

    /** The command line. */
    static final class Options {

        static final String USAGE = """
                Usage: ./run.sh [--rebuild] [options]
                       java -jar deploy/launcher/target/launcher-0.1.0-SNAPSHOT.jar [options]

                Starts membership-service (8081), review-service (8082) and notification-service (8083)
                on one embedded PostgreSQL server with a local OIDC issuer; seeds demo data; prints
                Swagger UI links and bearer tokens for the demo personas. Ctrl-C stops everything.

                Options:
                  --data-dir DIR     data, logs and tokens (default: .local/ at the repository root;
                                     environment: SENATE_DATA_DIR)
                  --pg-port PORT     PostgreSQL port (default 5433)
                  --issuer-port PORT local OIDC issuer port (default 8090)
                  --host ADDRESS     interface the services listen on (default 127.0.0.1; the demo
                                     tokens are signed with a published key: never expose them)
                  --root DIR         repository root holding the built services (default: found from
                                     the launcher jar)
                  --no-seed          do not create demo data
                  --help             this text

                Environment: SENATE_SERVICE_JAVA_OPTS replaces the services' JVM options
                (default: %s).
                Reset everything: stop, then delete the data directory.
                """.formatted(String.join(" ", DEFAULT_SERVICE_JVM_OPTIONS));

        Path root;
        Path dataDir;
        int pgPort = 5433;
        int issuerPort = 8090;
        String host = "127.0.0.1";
        boolean seed = true;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            String dataDir = System.getenv("SENATE_DATA_DIR");
            String root = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "--help", "-h" -> o.help = true;
                    case "--no-seed" -> o.seed = false;
                    case "--data-dir" -> dataDir = value != null ? value : next(args, ++i, arg);
                    case "--root" -> root = value != null ? value : next(args, ++i, arg);
                    case "--host" -> o.host = value != null ? value : next(args, ++i, arg);
                    case "--pg-port" -> o.pgPort = port(value != null ? value : next(args, ++i, arg), arg);
                    case "--issuer-port" -> o.issuerPort = port(value != null ? value : next(args, ++i, arg), arg);
                    default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
                }
            }
            o.root = (root != null ? Path.of(root) : findRoot()).toAbsolutePath().normalize();
            o.dataDir = (dataDir != null && !dataDir.isBlank() ? Path.of(dataDir) : o.root.resolve(".local"))
                    .toAbsolutePath().normalize();
            return o;
        }

        private static String next(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int port(String value, String option) {
            try {
                int port = Integer.parseInt(value);
                if (port > 0 && port < 65536) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + ": not a port: " + value);
        }

        /** The repository root: the directory above the launcher jar that holds mvnw; else the working directory. */
        private static Path findRoot() {
            try {
                Path location = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                for (Path dir = location.getParent(); dir != null; dir = dir.getParent()) {
                    if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"))) {
                        return dir;
                    }
                }
            } catch (URISyntaxException | RuntimeException e) {
                // fall back to the working directory
            }
            return Path.of("");
        }
    }
}
