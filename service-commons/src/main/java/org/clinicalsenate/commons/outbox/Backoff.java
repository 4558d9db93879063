package org.clinicalsenate.commons.outbox;

import java.time.Duration;

/** Exponential backoff: initial, 2x, 4x, ... capped at max. */
public final class Backoff {

    private Backoff() {
    }

    /** The wait before the next attempt, after {@code failedAttempts} (at least 1) failures. */
    public static Duration after(int failedAttempts, Duration initial, Duration max) {
        long millis = initial.toMillis();
        for (int i = 1; i < failedAttempts && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
