package org.clinicalsenate.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CpuMeterTest {

    private static CpuMeter.Snapshot at(double seconds, long machineBusy, long service, long postgres, long generator) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        ticks.put("membership-service", service);
        ticks.put(CpuMeter.POSTGRES, postgres);
        ticks.put(CpuMeter.GENERATOR, generator);
        return new CpuMeter.Snapshot((long) (seconds * 1e9), machineBusy, ticks);
    }

    @Test
    void coresAreTicksPerSecondAndOtherIsTheMachinesBusyTimeNobodyAccountsFor() {
        // 10 s: the machine was busy 1,500 ticks (1.5 cores), of which 1,200 are the platform's and the generator's
        Map<String, Double> cores = CpuMeter.cores(at(0, 1_000, 100, 50, 10), at(10, 2_500, 900, 350, 210));
        assertThat(cores.get("membership-service")).isCloseTo(0.8, within(1e-9));
        assertThat(cores.get(CpuMeter.POSTGRES)).isCloseTo(0.3, within(1e-9));
        assertThat(cores.get(CpuMeter.GENERATOR)).isCloseTo(0.2, within(1e-9));
        assertThat(cores.get(CpuMeter.OTHER)).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void aProcessWhoseCountWentBackwardsCountsAsNothingAndOtherIsNeverNegative() {
        // PostgreSQL's backends that ended meanwhile take their ticks with them
        Map<String, Double> cores = CpuMeter.cores(at(0, 1_000, 100, 500, 10), at(1, 1_050, 150, 100, 20));
        assertThat(cores.get(CpuMeter.POSTGRES)).isZero();
        assertThat(cores.get(CpuMeter.OTHER)).isZero();
    }

    @Test
    void nothingIsMeasuredWithoutTimeOrWithoutProc() {
        assertThat(CpuMeter.cores(at(5, 100, 1, 1, 1), at(5, 200, 2, 2, 2))).isEmpty();
        assertThat(CpuMeter.cores(at(0, 0, 0, 0, 0), at(1, 0, 0, 0, 0))).isEmpty();
    }
}
