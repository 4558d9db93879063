package org.clinicalsenate.commons.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Stored instants become the contract's RFC 3339 UTC date-times, and back. */
public final class Times {

    private Times() {
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A date-time of a request (e.g. a filter) as an instant. */
    public static Instant instant(OffsetDateTime dateTime) {
        return dateTime == null ? null : dateTime.toInstant();
    }
}
