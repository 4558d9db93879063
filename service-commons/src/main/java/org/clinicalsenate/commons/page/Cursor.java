package org.clinicalsenate.commons.page;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;

/**
 * An opaque keyset cursor: the sort key of the last item of a page, base64url-encoded. Clients
 * must not build one; a tampered or foreign cursor is a 400.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(String... keyParts) {
        String joined = String.join(String.valueOf(SEPARATOR), keyParts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** The key parts of a cursor, or an empty list when there is no cursor (the first page). */
    public static List<String> decode(String cursor, int expectedParts) {
        if (cursor == null || cursor.isEmpty()) {
            return List.of();
        }
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(joined.split(String.valueOf(SEPARATOR), -1));
            if (parts.size() == expectedParts) {
                return parts;
            }
        } catch (IllegalArgumentException ignored) {
            // fall through to the problem below
        }
        throw invalid();
    }

    /** A numeric key part; anything else means the cursor was not ours. */
    public static long asLong(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** A UUID key part (an entity id). */
    public static UUID asUuid(String part) {
        try {
            return UUID.fromString(part);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** An RFC 3339 instant key part (a timestamp). */
    public static Instant asInstant(String part) {
        try {
            return Instant.parse(part);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    /** An ISO date key part. */
    public static LocalDate asDate(String part) {
        try {
            return LocalDate.parse(part);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemType.INVALID_CURSOR,
                "cursor must be the nextCursor of a previous page of this list");
    }
}
