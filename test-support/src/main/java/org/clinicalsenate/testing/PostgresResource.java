package org.clinicalsenate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.clinicalsenate.dev.EmbeddedDatabase;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh PostgreSQL database for a test run. By default on an embedded server (zonky) started once
 * per JVM; with {@code SENATE_TEST_PG_URL} (a JDBC URL of an existing database on the server,
 * e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}) plus optional {@code SENATE_TEST_PG_USER}
 * and {@code SENATE_TEST_PG_PASSWORD}, on that external server instead. Either way the suite gets
 * its own new database, dropped at the end.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase embedded;

    private String adminUrl;
    private String user;
    private String password;
    private String database;

    @Override
    public Map<String, String> start() {
        database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String external = System.getenv("SENATE_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            adminUrl = external;
            user = System.getenv().getOrDefault("SENATE_TEST_PG_USER", "postgres");
            password = System.getenv().getOrDefault("SENATE_TEST_PG_PASSWORD", "");
        } else {
            EmbeddedDatabase server = embedded();
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
    public void stop() {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private static synchronized EmbeddedDatabase embedded() {
        if (embedded == null) {
            embedded = EmbeddedDatabase.start(null, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-postgres-stop"));
        }
        return embedded;
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + adminUrl, e);
        }
    }
}
