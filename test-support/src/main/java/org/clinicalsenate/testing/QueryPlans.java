package org.clinicalsenate.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** What PostgreSQL would do with a query, for tests that prove a hot path is index-backed. */
public final class QueryPlans {

    private QueryPlans() {
    }

    /**
     * The plan PostgreSQL chooses for a query when every alternative to an index scan is priced out
     * (so the answer does not depend on how little data a test database holds).
     */
    public static String preferringIndexes(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            s.execute("SET enable_bitmapscan = off");
            s.execute("SET enable_sort = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
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
}
