package org.clinicalsenate.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a message is tried: the first attempt after {@code delays[0]} (immediately by default), and
 * after the n-th failed attempt since it was queued, {@code delays[n]} later, plus up to
 * {@code jitter} of that delay at random; past the last delay it has failed. A receiver that
 * answered 429 or 503 with {@code Retry-After} is not tried sooner than it asked.
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

    public RetrySchedule {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("A retry schedule needs at least one delay");
        }
        delays = List.copyOf(delays);
    }

    /** The delay before the first attempt. */
    public Duration first() {
        return delays.get(0);
    }

    /**
     * @param failedAttempts failed attempts since the message was queued (1 after the first)
     * @param now            when the last attempt failed
     * @param retryAfter     the receiver's Retry-After, if it sent one with 429 or 503
     * @param random         a number in [0, 1) for the jitter
     * @return when to try again, or empty when the schedule is over (the message has failed)
     */
    public Optional<Instant> next(int failedAttempts, Instant now, Optional<Duration> retryAfter, double random) {
        if (failedAttempts >= delays.size()) {
            return Optional.empty();
        }
        Duration delay = delays.get(failedAttempts);
        delay = delay.plusMillis((long) (delay.toMillis() * jitter * random));
        if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
            delay = retryAfter.get();
        }
        return Optional.of(now.plus(delay));
    }
}
