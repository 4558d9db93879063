package org.clinicalsenate.dev;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from Maven Central binaries (zonky), for the local run (data kept in a
 * directory between runs) and the tests (a throw-away directory). Works as root: zonky then runs
 * the server as an unprivileged user.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDirectory where the data lives; null for a temporary directory removed on close
     * @param port          0 for any free port
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on");
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

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot stop the embedded PostgreSQL server", e);
        }
    }
}
