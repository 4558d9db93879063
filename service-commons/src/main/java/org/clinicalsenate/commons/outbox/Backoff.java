package org.clinicalsenate.commons.outbox;

import java.time.Duration;

/**
 * Exponential backoff with jitter: initial, 2x, 4x, ... capped at max, each wait then spread over
 * its upper half, so that events that failed together (notification-service was down) are not all
 * retried in the same instant when it returns.
 */
public final class Backoff {

    private Backoff() {
    }

    /** The wait before the next attempt, after {@code failedAttempts} (at least 1) failures, without jitter. */
    public static Duration after(int failedAttempts, Duration initial, Duration max) {
        long millis = initial.toMillis();
        for (int i = 1; i < failedAttempts && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /**
     * The wait with jitter: between half of {@link #after} and all of it.
     *
     * @param random a number in [0, 1)
     */
    public static Duration withJitter(int failedAttempts, Duration initial, Duration max, double random) {
        long full = after(failedAttempts, initial, max).toMillis();
        return Duration.ofMillis(full / 2 + Math.round(full / 2.0 * random));
    }
}
