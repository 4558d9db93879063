package org.clinicalsenate.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resident set size of each service process under load: {@code VmRSS} of
 * {@code /proc/<pid>/status} of the {@code <service>/target/quarkus-app/quarkus-run.jar} JVMs,
 * sampled every half second from a daemon thread; the report takes each one's peak.
 */
final class RssSampler implements AutoCloseable {

    /** A service process found on this machine: its pid and its JVM options (from its command line). */
    record ServiceProcess(String service, long pid, List<String> jvmOptions) {
    }

    private final Map<String, ServiceProcess> processes;
    private final Map<String, Long> peakKb = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private RssSampler(Map<String, ServiceProcess> processes) {
        this.processes = processes;
        this.thread = new Thread(this::sampleUntilClosed, "rss-sampler");
        thread.setDaemon(true);
    }

    /** Finds the services' processes (by the jar in their command line) and starts sampling. */
    static RssSampler start(List<String> services) {
        Map<String, ServiceProcess> found = new LinkedHashMap<>();
        for (String service : services) {
            find(service).ifPresent(p -> found.put(service, p));
        }
        RssSampler sampler = new RssSampler(found);
        sampler.thread.start();
        return sampler;
    }

    /** The service's quarkus-run.jar process; the newest one if several run (e.g. from two checkouts). */
    static Optional<ServiceProcess> find(String service) {
        String jar = "/" + service + "/target/quarkus-app/quarkus-run.jar";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> List.of(args).stream().anyMatch(a -> a.endsWith(jar)))
                        .orElse(false))
                .max((a, b) -> a.info().startInstant().orElse(java.time.Instant.EPOCH)
                        .compareTo(b.info().startInstant().orElse(java.time.Instant.EPOCH)))
                .map(p -> new ServiceProcess(service, p.pid(), jvmOptions(p.info().arguments().orElse(new String[0]))));
    }

    private static List<String> jvmOptions(String[] arguments) {
        List<String> options = new java.util.ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals("-jar")) {
                break;
            }
            options.add(argument);
        }
        return options;
    }

    Map<String, ServiceProcess> processes() {
        return processes;
    }

    /** The highest RSS seen per service, in kB (services whose process was not found are absent). */
    Map<String, Long> peakKb() {
        sample(); // at least one sample, however short the run
        Map<String, Long> peaks = new LinkedHashMap<>();
        processes.keySet().forEach(service -> {
            Long peak = peakKb.get(service);
            if (peak != null) {
                peaks.put(service, peak);
            }
        });
        return peaks;
    }

    private void sampleUntilClosed() {
        while (running) {
            sample();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        processes.forEach((service, process) -> rssKb(process.pid())
                .ifPresent(kb -> peakKb.merge(service, kb, Math::max)));
    }

    /** VmRSS of a process in kB, if it is still running. */
    static Optional<Long> rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.substring(6).trim().split("\\s+")[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has gone, or this is not Linux: no sample
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
