package org.clinicalsenate.commons.database;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a failure caused by the database being out of reach (down, restarting, recovering from a
 * crash, refusing connections) from every other failure: the request or job may succeed a moment
 * later, so it is a 503 to the client and a warning in a scheduled job, not a bug.
 */
public final class DatabaseOutage {

    /**
     * PostgreSQL SQLSTATEs besides class 08 (connection exception): 57P01 admin_shutdown, 57P02
     * crash_shutdown (another backend crashed), 57P03 cannot_connect_now (starting up, in recovery),
     * 53300 too_many_connections.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {
    }

    /**
     * Whether the failure, one of its causes or suppressed exceptions (a transaction manager adds
     * the failure of a commit or rollback as suppressed) says the database is out of reach.
     */
    public static boolean causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof SQLException sql && unavailable(sql)) {
                return true;
            }
            if (next.getCause() != null) {
                pending.push(next.getCause());
            }
            for (Throwable suppressed : next.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return false;
    }

    /** A short description for a log line: the innermost message. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    private static boolean unavailable(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
        }
        // Agroal's pool gave up waiting for a connection (none free, or none could be opened in time)
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
