package org.clinicalsenate.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.arc.Unremovable;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * The SQL Hibernate sends, as it sends it, for tests that check the application's real queries
 * (query plans, the number of queries of a request) rather than hand-written copies of them.
 * Registered with Hibernate in every service's tests; {@link #during} records what one action sent.
 */
@ApplicationScoped
public class CapturedSql {

    private final List<List<String>> recorders = new CopyOnWriteArrayList<>();

    /** Hibernate's side: every statement, as it is about to be sent. */
    @ApplicationScoped
    @PersistenceUnitExtension
    @Unremovable // Hibernate looks it up; nothing injects it
    public static class Inspector implements StatementInspector {

        @Inject
        CapturedSql captured;

        @Override
        public String inspect(String sql) {
            captured.sent(sql);
            return sql;
        }
    }

    void sent(String sql) {
        recorders.forEach(recorder -> recorder.add(sql));
    }

    /** The statements sent while {@code action} ran, in order. */
    public List<String> during(Runnable action) {
        List<String> sent = new CopyOnWriteArrayList<>();
        recorders.add(sent);
        try {
            action.run();
        } finally {
            recorders.remove(sent);
        }
        return new ArrayList<>(sent);
    }

    /** The one statement sent while {@code action} ran that reads (or writes) the table. */
    public String theQueryOf(String table, Runnable action) {
        return theOne(table, during(action).stream().filter(sql -> reads(sql, table)).toList());
    }

    /** The one page of a list (a query with a row limit) read from the table while {@code action} ran. */
    public String thePageQueryOf(String table, Runnable action) {
        return theOne(table, during(action).stream()
                .filter(sql -> reads(sql, table) && sql.contains(" fetch first ")).toList());
    }

    /** Every page of a list (queries with a row limit) read from the table while {@code action} ran. */
    public List<String> thePageQueriesOf(String table, Runnable action) {
        return during(action).stream().filter(sql -> reads(sql, table) && sql.contains(" fetch first ")).toList();
    }

    private static boolean reads(String sql, String table) {
        return sql.matches("(?is).*\\b(from|join|update|into)\\s+" + table + "\\b.*");
    }

    private static String theOne(String table, List<String> matching) {
        if (matching.size() != 1) {
            throw new AssertionError("Expected one statement on " + table + ", got " + matching);
        }
        return matching.get(0);
    }
}
