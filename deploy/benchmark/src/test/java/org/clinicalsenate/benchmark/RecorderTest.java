package org.clinicalsenate.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RecorderTest {

    @Test
    void onlyTwoHundredsAreSuccessesAndEveryOtherOutcomeIsCountedByKind() {
        Recorder recorder = new Recorder();
        recorder.record(1, "200");
        recorder.record(1, "201");
        recorder.record(1, "204");
        recorder.record(1, "302");
        recorder.record(1, "500");
        recorder.record(1, "500");
        recorder.record(1, "HttpTimeoutException");
        recorder.unfinished(2);
        recorder.unfinished(0);
        assertThat(recorder.successes()).isEqualTo(3);
        assertThat(recorder.errors()).isEqualTo(Map.of("302", 1, "500", 2, "HttpTimeoutException", 1, "unfinished", 2));
        assertThat(recorder.errorCount()).isEqualTo(6);
    }

    @Test
    void failedRequestsCountInTheLatenciesSoThatFastErrorsCannotHideSlowSuccesses() {
        Recorder recorder = new Recorder();
        for (int i = 0; i < 10_000; i++) { // past the initial capacity
            recorder.record(i < 9_000 ? 1_000 : 9_000, i < 9_000 ? "500" : "200");
        }
        assertThat(recorder.latencies().count()).isEqualTo(10_000);
        assertThat(recorder.latencies().p99Nanos()).isEqualTo(9_000);
        assertThat(recorder.successes()).isEqualTo(1_000);
    }

    @Test
    void aStatusIsThreeDigits() {
        assertThat(Recorder.isSuccess("200")).isTrue();
        assertThat(Recorder.isSuccess("2xx")).isFalse();
        assertThat(Recorder.isSuccess("20")).isFalse();
        assertThat(Recorder.isSuccess("IOException")).isFalse();
    }
}
