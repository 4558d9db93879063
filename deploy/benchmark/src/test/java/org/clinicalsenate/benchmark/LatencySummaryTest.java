package org.clinicalsenate.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void percentilesAreNearestRankSamplesWithoutInterpolation() {
        long[] hundred = LongStream.rangeClosed(1, 100).toArray(); // 1..100, shuffled below
        reverse(hundred);
        LatencySummary summary = LatencySummary.of(hundred);
        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50Nanos()).isEqualTo(50);
        assertThat(summary.p90Nanos()).isEqualTo(90);
        assertThat(summary.p99Nanos()).isEqualTo(99);
        assertThat(summary.maxNanos()).isEqualTo(100);
        assertThat(summary.meanNanos()).isEqualTo(50); // 50.5 truncated
    }

    @Test
    void oneSlowRequestInAHundredIsBelowP99ButOneInFiftyIsNot() {
        long[] oneSlow = LongStream.generate(() -> 1_000_000).limit(100).toArray();
        oneSlow[37] = 500_000_000;
        assertThat(LatencySummary.of(oneSlow).p99Nanos()).isEqualTo(1_000_000);
        assertThat(LatencySummary.of(oneSlow).maxNanos()).isEqualTo(500_000_000);

        long[] twoSlow = oneSlow.clone();
        twoSlow[80] = 400_000_000;
        assertThat(LatencySummary.of(twoSlow).p99Nanos()).isEqualTo(400_000_000);
    }

    @Test
    void fewSamplesGiveTheSlowestAsTheirHighPercentiles() {
        LatencySummary three = LatencySummary.of(new long[] { 30, 10, 20 });
        assertThat(three.p50Nanos()).isEqualTo(20);
        assertThat(three.p90Nanos()).isEqualTo(30);
        assertThat(three.p99Nanos()).isEqualTo(30);
        assertThat(LatencySummary.of(new long[] { 7 }).p50Nanos()).isEqualTo(7);
    }

    @Test
    void noSamplesIsAnEmptySummaryAndTheInputIsLeftUnsorted() {
        assertThat(LatencySummary.of(new long[0])).isEqualTo(LatencySummary.EMPTY);
        long[] input = { 3, 1, 2 };
        LatencySummary.of(input);
        assertThat(input).containsExactly(3, 1, 2);
    }

    @Test
    void aPercentileOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> LatencySummary.percentile(new long[] { 1 }, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencySummary.percentile(new long[] { 1 }, 100.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LatencySummary.percentile(new long[] { 1, 2 }, 100)).isEqualTo(2);
    }

    @Test
    void millisecondsAreConvertedFromNanoseconds() {
        LatencySummary summary = LatencySummary.of(new long[] { 2_500_000 });
        assertThat(summary.p99Millis()).isEqualTo(2.5);
        assertThat(summary.maxMillis()).isEqualTo(2.5);
    }

    private static void reverse(long[] values) {
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            long t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
