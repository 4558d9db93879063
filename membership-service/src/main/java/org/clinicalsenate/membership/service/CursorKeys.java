package org.clinicalsenate.membership.service;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.clinicalsenate.commons.page.Cursor;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;

/**
 * Typed key parts of this service's keyset cursors (see {@link Cursor}); a part that does not parse
 * means the cursor was not ours, a 400 like any other invalid cursor.
 */
final class CursorKeys {

    private CursorKeys() {
    }

    static UUID uuid(String part) {
        try {
            return UUID.fromString(part);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    static Instant instant(String part) {
        try {
            return Instant.parse(part);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemType.INVALID_CURSOR,
                "cursor must be the nextCursor of a previous page of this list");
    }
}
