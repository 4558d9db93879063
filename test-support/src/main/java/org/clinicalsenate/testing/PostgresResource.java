package org.clinicalsenate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.clinicalsenate.dev.EmbeddedDatabase;
import org.clinicalsenate.dev.EmbeddedDatabase.Durability;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh PostgreSQL database for a test run. By default on an embedded server (zonky) started once
 * per JVM; with {@code SENATE_TEST_PG_URL} (a JDBC URL of an existing database on the server,
 * e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}) plus optional {@code SENATE_TEST_PG_USER}
 * and {@code SENATE_TEST_PG_PASSWORD}, on that external server instead. Either way the suite gets
 * its own new database, dropped at the end.
 * <p>
 * With init arg {@value #OWN_SERVER}{@code =true} the suite gets an embedded server of its own
 * instead, with durable commits, which it may crash and restart: the {@link EmbeddedDatabase} is
 * injected into test fields of that type. It is stopped and removed with the suite.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String OWN_SERVER = "own-server";

    /**
     * The server the suites share. Its commits are not durable (fast, and nobody needs the data
     * after the run); a test of crash recovery uses {@link #OWN_SERVER}.
     */
    private static EmbeddedDatabase shared;

    private boolean ownServer;
    private EmbeddedDatabase own;
    private String adminUrl;
    private String user;
    private String password;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        ownServer = Boolean.parseBoolean(initArgs.get(OWN_SERVER));
    }

    @Override
    public Map<String, String> start() {
        database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String external = System.getenv("SENATE_TEST_PG_URL");
        if (ownServer) {
            own = EmbeddedDatabase.start(null, 0, Durability.DURABLE);
        }
        if (own == null && external != null && !external.isBlank()) {
            adminUrl = external;
            user = System.getenv().getOrDefault("SENATE_TEST_PG_USER", "postgres");
            password = System.getenv().getOrDefault("SENATE_TEST_PG_PASSWORD", "");
        } else {
            EmbeddedDatabase server = own != null ? own : shared();
            adminUrl = server.jdbcUrl("postgres");
            user = server.user();
            password = "";
        }
        execute("CREATE DATABASE " + database);
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void inject(TestInjector testInjector) {
        if (own != null) {
            testInjector.injectIntoFields(own, new TestInjector.MatchesType(EmbeddedDatabase.class));
        }
    }

    @Override
    public void stop() {
        if (own != null) {
            own.close();
        } else {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static synchronized EmbeddedDatabase shared() {
        if (shared == null) {
            shared = EmbeddedDatabase.start(null, 0, Durability.THROW_AWAY);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-postgres-stop"));
        }
        return shared;
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + adminUrl, e);
        }
    }
}
