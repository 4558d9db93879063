package org.clinicalsenate.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who used the CPU during a measured window, in cores (1.0 = one core busy all the time): each
 * service, PostgreSQL (postmaster and backends), the load generator itself, and everything else
 * on the machine ("other"). On a shared machine "other" says whether a result can be trusted.
 */
final class CpuMeter {

    static final String GENERATOR = "generator";
    static final String POSTGRES = "postgres";
    static final String OTHER = "other";

    /** The clock ticks per second of /proc (USER_HZ): 100 on every common Linux. */
    private static final double TICKS_PER_SECOND = 100;

    record Snapshot(long nanoTime, long machineBusy, Map<String, Long> ticks) {
    }

    private final Platform platform;

    CpuMeter(Platform platform) {
        this.platform = platform;
    }

    Snapshot snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        platform.services().forEach((service, process) -> ticks.put(service, Procfs.cpuTicks(process.pid())));
        platform.postmaster().ifPresent(postmaster -> {
            long total = Procfs.cpuTicks(postmaster);
            for (long backend : Procfs.children(postmaster)) {
                total += Procfs.cpuTicks(backend);
            }
            ticks.put(POSTGRES, total);
        });
        ticks.put(GENERATOR, Procfs.cpuTicks(ProcessHandle.current().pid()));
        return new Snapshot(System.nanoTime(), Procfs.machineBusyTicks(), ticks);
    }

    /**
     * Cores used between two snapshots, by whom; "other" is the machine's busy time not accounted
     * for (PostgreSQL backends that ended meanwhile land there too: the benchmark's connections
     * are long-lived, so these are few).
     */
    static Map<String, Double> cores(Snapshot from, Snapshot to) {
        double seconds = (to.nanoTime() - from.nanoTime()) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        if (seconds <= 0 || to.machineBusy() == 0) {
            return cores;
        }
        long accounted = 0;
        for (Map.Entry<String, Long> entry : to.ticks().entrySet()) {
            long used = Math.max(0, entry.getValue() - from.ticks().getOrDefault(entry.getKey(), 0L));
            accounted += used;
            cores.put(entry.getKey(), used / TICKS_PER_SECOND / seconds);
        }
        cores.put(OTHER, Math.max(0, to.machineBusy() - from.machineBusy() - accounted) / TICKS_PER_SECOND / seconds);
        return cores;
    }

    /** The order of the report's columns. */
    static List<String> columns(Platform platform) {
        List<String> columns = new java.util.ArrayList<>(platform.services().keySet());
        columns.add(POSTGRES);
        columns.add(GENERATOR);
        columns.add(OTHER);
        return columns;
    }
}
