package org.clinicalsenate.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

import org.clinicalsenate.commons.time.Clocks;

/**
 * The services' clock in their component tests: real time until a test moves it, then real time
 * shifted by the move (it keeps ticking). It replaces commons' default {@link Clock} bean; a test
 * injects it, moves it and calls {@link #reset()} when done so that other tests see real time.
 */
@Singleton
public class MovableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Moves time forward (or back, with a negative amount). */
    public void advance(Duration amount) {
        offset.updateAndGet(current -> current.plus(amount));
    }

    /** Moves time so that now is the start of this day in England (and keeps ticking from there). */
    public void setToday(LocalDate day) {
        setInstant(day.atStartOfDay(Clocks.ENGLAND).toInstant());
    }

    public void setInstant(Instant instant) {
        offset.set(Duration.between(Instant.now(), instant));
    }

    /** Back to real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return Clocks.ENGLAND;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }
}
