package org.clinicalsenate.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The results as markdown: the targets met or missed first, then what each phase measured. */
final class Report {

    enum Verdict {
        PASS, FAIL, NOT_MEASURED;

        String label() {
            return this == NOT_MEASURED ? "not measured" : name();
        }
    }

    /** One performance target as this run measured it. */
    record Target(String what, String measured, String limit, Verdict verdict) {
    }

    /** More cores than this used by other processes during a window makes its figures doubtful. */
    static final double DISTURBING_CORES = 0.2;

    /** What makes a commit durable: acknowledged only once it is on disk, and a crash cannot tear a page. */
    static final List<String> DURABILITY_SETTINGS = List.of("synchronous_commit", "fsync", "full_page_writes");

    private final String runId;
    private final Options options;
    private final Map<String, Long> volume;
    private final Map<String, Integer> responseBytes;
    private final Platform platform;
    private final Map<String, Double> beforeLoad;
    private final Map<String, String> durability;
    private final List<Target> targets = new ArrayList<>();
    private final List<PhaseResult> closed = new ArrayList<>();
    private final List<PhaseResult> open = new ArrayList<>();
    private final Map<String, Long> peakRssKb = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    Report(String runId, Options options, Map<String, Long> volume, Map<String, Integer> responseBytes,
            Platform platform, Map<String, Double> beforeLoad, Map<String, String> durability) {
        this.runId = runId;
        this.options = options;
        this.volume = volume;
        this.responseBytes = responseBytes;
        this.platform = platform;
        this.beforeLoad = beforeLoad;
        this.durability = durability;
    }

    void target(String what, String measured, String limit, Verdict verdict) {
        targets.add(new Target(what, measured, limit, verdict));
    }

    void closedLoop(PhaseResult result) {
        closed.add(result);
    }

    void openLoop(PhaseResult result) {
        open.add(result);
    }

    void memory(Map<String, Long> peaks) {
        peakRssKb.putAll(peaks);
    }

    void note(String note) {
        notes.add(note);
    }

    boolean allMet() {
        return targets.stream().noneMatch(t -> t.verdict() == Verdict.FAIL);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        long met = targets.stream().filter(t -> t.verdict() == Verdict.PASS).count();
        long missed = targets.stream().filter(t -> t.verdict() == Verdict.FAIL).count();
        md.append("# Benchmark: the performance targets\n\n");
        md.append(String.format("Run `%s`, %s. **%d met, %d missed**%s.%n%n", runId,
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT)), met, missed,
                missed == 0 ? "" : " (a phase with any failed request counts as missed)"));
        List<PhaseResult> disturbed = phases().stream().filter(r -> r.otherCores() > DISTURBING_CORES).toList();
        if (!disturbed.isEmpty()) {
            md.append(String.format(Locale.ROOT, "**Disturbed:** other processes on the machine used up to %.2f cores"
                    + " during %d of the %d measured windows (see the CPU table): those figures are not the platform's"
                    + " own; run again on a quiet machine.%n%n",
                    disturbed.stream().mapToDouble(PhaseResult::otherCores).max().orElse(0), disturbed.size(),
                    phases().size()));
        }
        md.append("## Machine\n\n");
        Machine.facts().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        platform.services().values().forEach(p -> md.append("- ").append(p.service()).append(" (pid ").append(p.pid())
                .append(") JVM options: `").append(p.jvmOptions().isEmpty() ? "(none)" : String.join(" ", p.jvmOptions()))
                .append("`\n"));
        md.append("- PostgreSQL commits: ").append(durability(durability)).append('\n');
        md.append("- volume in the databases: ").append(volume.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey())).collect(Collectors.joining(", ")))
                .append('\n');
        md.append("- load generator on the same machine (it shares the cores with the services and PostgreSQL)\n");
        md.append(String.format(Locale.ROOT, "- other processes before the load: %.2f cores%n%n",
                beforeLoad.getOrDefault(CpuMeter.OTHER, 0.0)));

        md.append("## Targets\n\n| target | measured | limit | result |\n|---|---|---|---|\n");
        targets.forEach(t -> md.append("| ").append(t.what()).append(" | ").append(t.measured()).append(" | ")
                .append(t.limit()).append(" | ").append(t.verdict() == Verdict.FAIL ? "**FAIL**" : t.verdict().label())
                .append(" |\n"));

        md.append(String.format(Locale.ROOT, "%n## Maximum throughput (closed loop: %d workers back to back, %s s warm-up,"
                + " %s s measured)%n%n", options.workers, seconds(options.warmup.toMillis()), seconds(options.measure.toMillis())));
        md.append("| endpoint | response | req/s | of health | p50 ms | p99 ms | max ms | errors |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        double health = closed.isEmpty() ? 0 : closed.get(0).throughput();
        for (PhaseResult r : closed) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %s | %.2f | %.2f | %.1f | %s |%n", r.endpoint().label(),
                    bytes(responseBytes.get(r.endpoint().name())), r.throughput(),
                    health > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * r.throughput() / health) : "-",
                    r.latencies().p50Millis(), r.latencies().p99Millis(), r.latencies().maxMillis(), errors(r)));
        }

        md.append(String.format(Locale.ROOT, "%n## Latency at a constant rate (open loop: %s s warm-up, %s s measured;"
                + " latency from the intended send time, so a late send counts)%n%n",
                seconds(options.openWarmup.toMillis()), seconds(options.openMeasure.toMillis())));
        md.append("| endpoint | rate req/s | sent req/s | p50 ms | p90 ms | p99 ms | max ms | requests | errors |"
                + " worst send lag ms |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (PhaseResult r : open) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %.2f | %.2f | %.1f | %d | %s | %.1f |%n",
                    r.endpoint().label(), r.targetRate(), r.sentRate(), r.latencies().p50Millis(), r.latencies().p90Millis(),
                    r.latencies().p99Millis(), r.latencies().maxMillis(), r.latencies().count(), errors(r),
                    r.maxSendLagMillis()));
        }

        List<String> columns = CpuMeter.columns(platform);
        md.append("\n## CPU in each measured window (cores; 1.00 = one core busy throughout)\n\n| phase | ")
                .append(String.join(" | ", columns)).append(" |\n|---|").append("---|".repeat(columns.size())).append('\n');
        for (PhaseResult r : phases()) {
            md.append("| ").append(r.endpoint().label()).append(r.closedLoop() ? " (max)" : String.format(Locale.ROOT,
                    " (%.0f/s)", r.targetRate()));
            for (String column : columns) {
                Double cores = r.cpuCores().get(column);
                md.append(" | ").append(cores == null ? "-" : String.format(Locale.ROOT, "%.2f", cores));
            }
            md.append(" |\n");
        }

        md.append("\n## Memory (peak RSS of each service process during the load, sampled every 0.5 s)\n\n");
        md.append("| service | pid | peak RSS MiB |\n|---|---|---|\n");
        platform.services().values().forEach(p -> md.append(String.format(Locale.ROOT, "| %s | %d | %s |%n", p.service(), p.pid(),
                peakRssKb.containsKey(p.service()) ? String.format(Locale.ROOT, "%.0f", peakRssKb.get(p.service()) / 1024.0)
                        : "-")));

        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    /**
     * The durability settings the server ran with, and what they mean: a benchmark of commits that
     * are not durable flatters every write.
     */
    static String durability(Map<String, String> settings) {
        String values = DURABILITY_SETTINGS.stream().map(name -> name + "=" + settings.getOrDefault(name, "?"))
                .collect(Collectors.joining(", "));
        // every synchronous_commit but off waits for the local flush
        boolean durable = !"off".equals(settings.getOrDefault("synchronous_commit", "off"))
                && "on".equals(settings.get("fsync")) && "on".equals(settings.get("full_page_writes"));
        return "`" + values + "` " + (durable ? "(durable: a commit is acknowledged once it is on disk)"
                : "(**not durable**: acknowledged commits can be lost in a crash, so the writes measured here are"
                        + " faster than in production)");
    }

    private List<PhaseResult> phases() {
        List<PhaseResult> all = new ArrayList<>(closed);
        all.addAll(open);
        return all;
    }

    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, markdown(), StandardCharsets.UTF_8);
    }

    private static String errors(PhaseResult r) {
        if (r.errorCount() == 0) {
            return "0";
        }
        return "**" + r.errorCount() + "** (" + r.errors().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String bytes(Integer bytes) {
        if (bytes == null) {
            return "-";
        }
        return bytes < 1024 ? bytes + " B" : String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
