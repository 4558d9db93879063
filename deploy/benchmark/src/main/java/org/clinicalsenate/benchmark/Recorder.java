package org.clinicalsenate.benchmark;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one phase measured, recorded from many threads: the latency of every request that
 * counts, and its outcome (a 2xx status is a success; anything else, including an exception or
 * a timeout, is an error, counted by kind).
 */
final class Recorder {

    private long[] latencies = new long[4096];
    private int count;
    private int successes;
    private final Map<String, Integer> errors = new TreeMap<>();

    /** {@code outcome} is the HTTP status, or the name of the exception when there was none. */
    synchronized void record(long latencyNanos, String outcome) {
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = latencyNanos;
        if (isSuccess(outcome)) {
            successes++;
        } else {
            errors.merge(outcome, 1, Integer::sum);
        }
    }

    /** A request that never completed (still running when the phase gave up on it). */
    synchronized void unfinished(int requests) {
        if (requests > 0) {
            errors.merge("unfinished", requests, Integer::sum);
        }
    }

    static boolean isSuccess(String outcome) {
        return outcome.length() == 3 && outcome.charAt(0) == '2' && Character.isDigit(outcome.charAt(1))
                && Character.isDigit(outcome.charAt(2));
    }

    /** Latencies of every recorded request, successful or not: a fast error must not flatter p99. */
    synchronized LatencySummary latencies() {
        return LatencySummary.of(Arrays.copyOf(latencies, count));
    }

    synchronized int successes() {
        return successes;
    }

    synchronized int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Error counts by outcome, e.g. {@code {500=3, HttpTimeoutException=1}}. */
    synchronized Map<String, Integer> errors() {
        return new TreeMap<>(errors);
    }
}
