package org.clinicalsenate.benchmark;

import java.util.Map;

/**
 * What a phase measured.
 *
 * @param closedLoop        true: {@code workers} send back to back (maximum throughput); false:
 *                          requests sent at {@code targetRate} per second whatever the responses
 * @param measuredSeconds   the measured window (after the warm-up)
 * @param throughput        successful responses per second in the window
 * @param latencies         closed loop: from send to response; open loop: from the intended
 *                          send time to the response (a late send counts against the service)
 * @param maxSendLagMillis  open loop: how far behind its schedule the sender fell at worst
 * @param cpuCores          cores used in the window by each process group ({@link CpuMeter})
 */
record PhaseResult(Endpoint endpoint, boolean closedLoop, int workers, double targetRate, double measuredSeconds,
        int successes, Map<String, Integer> errors, LatencySummary latencies, double throughput,
        double maxSendLagMillis, Map<String, Double> cpuCores) {

    int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Cores used by processes that are not the platform's nor the generator's (0 when unknown). */
    double otherCores() {
        return cpuCores.getOrDefault(CpuMeter.OTHER, 0.0);
    }

    /** Requests per second sent in the window (successes and errors). */
    double sentRate() {
        return (successes + errorCount()) / measuredSeconds;
    }
}
