package org.clinicalsenate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What PostgreSQL would do with a query the application sends (captured by {@link CapturedSql},
 * with its {@code ?} parameters), for tests that prove a hot path is index-backed.
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    /**
     * The generic plan (whatever the parameters' values) PostgreSQL chooses for a statement when
     * every alternative to an index scan is priced out, so that the answer does not depend on how
     * little data a test database holds. Needs PostgreSQL 16 or later (EXPLAIN GENERIC_PLAN).
     */
    public static String preferringIndexes(DataSource dataSource, String sql) {
        return plan(dataSource, sql, true);
    }

    /**
     * As {@link #preferringIndexes}, for full-text search: bitmap scans stay allowed, since a GIN
     * index (what a {@code tsvector} is searched through) is only ever read by one.
     */
    public static String preferringTextIndexes(DataSource dataSource, String sql) {
        return plan(dataSource, sql, false);
    }

    private static String plan(DataSource dataSource, String sql, boolean noBitmaps) {
        try (Connection c = simpleProtocol(dataSource); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            if (noBitmaps) {
                s.execute("SET enable_bitmapscan = off");
            }
            s.execute("SET enable_sort = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN (GENERIC_PLAN) " + numbered(sql))) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            } finally {
                s.execute("RESET ALL");
            }
            return plan.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * A connection to the same database that sends statements as they are (PostgreSQL's simple
     * protocol): the {@code $n} placeholders of a generic plan are for the server to read, not for
     * the driver to bind.
     */
    private static Connection simpleProtocol(DataSource dataSource) throws SQLException {
        String url;
        String user;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
            user = c.getMetaData().getUserName();
        }
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", ConfigProvider.getConfig()
                .getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        properties.setProperty("preferQueryMode", "simple");
        return DriverManager.getConnection(url, properties);
    }

    /** JDBC's {@code ?} placeholders as PostgreSQL's {@code $1, $2...} (Hibernate's SQL has no literal '?'). */
    static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                out.append('$').append(++n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
