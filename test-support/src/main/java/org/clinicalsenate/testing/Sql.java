package org.clinicalsenate.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** Plain SQL on a service's database, for what the API does not show (outbox rows, counts) or test data. */
public final class Sql {

    private Sql() {
    }

    /** The single number a query answers, e.g. a {@code count(*)}. */
    public static long count(DataSource db, String sql, Object... parameters) {
        return ((Number) rows(db, sql, parameters).get(0).values().iterator().next()).longValue();
    }

    /** Each row as column label to value, in order. */
    public static List<Map<String, Object>> rows(DataSource db, String sql, Object... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement s = prepare(c, sql, parameters);
                ResultSet rs = s.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** An outbox event the relay has given up on (dead), as a platform-admin would find it; returns its id. */
    public static java.util.UUID deadEvent(DataSource db, String source) {
        java.util.UUID id = java.util.UUID.randomUUID();
        update(db, "INSERT INTO outbox_event (id, type, source, subject, aggregate_id, occurred_at, data, attempts, "
                + "last_error, dead_at) VALUES (?, 'test.fixture.dead', ?, 'fixture', 'fixture', now(), '{}'::jsonb, 3, "
                + "'receiver down', now())", id, source);
        return id;
    }

    public static int update(DataSource db, String sql, Object... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement s = prepare(c, sql, parameters)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
