package org.clinicalsenate.dev;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * A real PostgreSQL server from Maven Central binaries (zonky), for the local run (data kept in a
 * directory between runs) and the tests (a throw-away directory). Works as root: zonky then runs
 * the server as an unprivileged user (in a user namespace, {@code unshare -U}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** How the server commits: whether a commit it acknowledged survives a crash. */
    public enum Durability {
        /**
         * A commit is acknowledged once it is on disk, so it survives a crash of the server or of
         * the machine: the local run, and tests that crash the server. (These are PostgreSQL's own
         * defaults; zonky's default configuration turns synchronous_commit off.)
         */
        DURABLE(Map.of("synchronous_commit", "on", "fsync", "on", "full_page_writes", "on")),
        /**
         * Acknowledges commits before they are on disk, and never flushes: a crash may lose
         * acknowledged commits, or corrupt the cluster. Only for a test server whose data nobody
         * needs after the run.
         */
        THROW_AWAY(Map.of("synchronous_commit", "off", "fsync", "off", "full_page_writes", "off"));

        private final Map<String, String> settings;

        Durability(Map<String, String> settings) {
            this.settings = settings;
        }
    }

    private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    /** The command line of the postmaster that {@link #crash()} stopped, for {@link #restart()}. */
    private List<String> crashedCommand;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDirectory where the data lives; null for a temporary directory removed on close
     * @param port          0 for any free port
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, Durability durability) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "200");
            durability.settings.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL server", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates the database unless it exists; returns its JDBC URL. */
    public String ensureDatabase(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE \"" + name + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** zonky's superuser, trusted on loopback. */
    public String user() {
        return "postgres";
    }

    /** A server setting as the running server reports it ({@code SHOW name}), e.g. synchronous_commit. */
    public String setting(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read setting " + name, e);
        }
    }

    /**
     * Crashes the server as {@code pg_ctl stop -m immediate} does (SIGQUIT to the postmaster): every
     * server process quits at once, without a checkpoint, and every connection breaks. Returns when
     * the postmaster is gone. {@link #restart()} starts it again.
     */
    public synchronized void crash() {
        long pid = postmasterPid(Path.of(setting("data_directory")));
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("No postmaster with pid " + pid));
        crashedCommand = postmasterCommand(pid);
        signalQuit(pid);
        try {
            postmaster.onExit().get(RESTART_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The postmaster did not quit after SIGQUIT", e);
        }
    }

    /**
     * Starts the server that {@link #crash()} stopped, on the same data directory and port with the
     * same settings (the same command line); returns once crash recovery is over and it accepts
     * connections.
     */
    public synchronized void restart() {
        if (crashedCommand == null) {
            throw new IllegalStateException("restart() follows crash()");
        }
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky starts it when we are root
        }
        command.addAll(crashedCommand);
        try {
            Process postmaster = new ProcessBuilder(command).redirectErrorStream(true).start();
            logOutput(postmaster);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start PostgreSQL again: " + command, e);
        }
        crashedCommand = null;
        long deadline = System.nanoTime() + RESTART_TIMEOUT.toNanos();
        while (true) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT 1");
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not accept connections after a restart", e);
                }
                sleep(Duration.ofMillis(20));
            }
        }
    }

    /** The server's log (crash recovery) goes to our log, as zonky does with the first start. */
    private static void logOutput(Process postmaster) {
        System.Logger log = System.getLogger(EmbeddedDatabase.class.getName());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(postmaster.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> log.log(System.Logger.Level.INFO, line));
            } catch (IOException | UncheckedIOException e) {
                // the server stopped
            }
        }, "postgres-" + postmaster.pid() + "-log");
        reader.setDaemon(true);
        reader.start();
    }

    /** The first line of postmaster.pid. */
    private static long postmasterPid(Path dataDirectory) {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No running postmaster in " + dataDirectory, e);
        }
    }

    /** The postmaster's own command line (binary, data directory, port, settings), from procfs. */
    private static List<String> postmasterCommand(long pid) {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
            return Arrays.asList(raw.split("\0"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the command line of the postmaster " + pid, e);
        }
    }

    /** What {@code pg_ctl stop -m immediate} sends; Java itself can only send TERM and KILL. */
    private static void signalQuit(long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -QUIT " + pid + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot stop the embedded PostgreSQL server", e);
        }
    }
}
