package org.clinicalsenate.commons.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofMinutes(5);

    @Test
    void doublesFromTheInitialWaitAfterEachFailure() {
        assertThat(Backoff.after(1, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.after(2, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.after(3, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Backoff.after(9, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(256));
    }

    @Test
    void neverWaitsLongerThanTheMaximumEvenAfterManyFailures() {
        assertThat(Backoff.after(10, INITIAL, MAX)).isEqualTo(MAX);
        assertThat(Backoff.after(1_000_000, INITIAL, MAX)).isEqualTo(MAX);
    }
}
