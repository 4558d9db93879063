package org.clinicalsenate.benchmark;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.clinicalsenate.dev.LocalIssuer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Measures the performance targets (deploy/benchmark/README.md) against the running local platform:
 * seeds the volume (once), checks that every endpoint answers, then runs the phases one after
 * the other, each for a fixed time, and reports each target as met or missed.
 */
public final class Benchmark {

    static final double THROUGHPUT_SHARE = 0.40;
    static final double LIST_P99_MILLIS = 25;
    static final double CONFLICT_CHECK_P99_MILLIS = 10;
    static final double CREATE_P99_MILLIS = 30;
    static final double STATISTICS_P99_MILLIS = 100;
    static final double WEBHOOK_P99_MILLIS = 1000;
    static final long RSS_LIMIT_MIB = 300;

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICES = List.of("membership-service", "review-service", "notification-service");

    private final Options options;
    private CpuMeter cpuMeter;
    private final Seeder seeder;
    private final String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));

    private Benchmark(Options options) {
        this.options = options;
        this.seeder = new Seeder(options.pgUrl, options.pgUser, options.pgPassword);
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        try {
            System.exit(new Benchmark(options).run());
        } catch (Exception e) {
            System.err.println();
            System.err.println("FAILED: " + e);
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                System.err.println("  caused by: " + cause);
            }
            System.exit(2);
        }
    }

    private int run() throws Exception {
        if (options.mode == Options.Mode.CLEAN) {
            seeder.clean().forEach(line -> System.out.println("  " + line));
            return 0;
        }
        if (options.seed) {
            System.out.println("Seeding (" + options.pgUrl + ") ...");
            seeder.seed(options.volume()).forEach(line -> System.out.println("  " + line));
        }
        if (options.mode == Options.Mode.SEED_ONLY) {
            return 0;
        }
        Endpoints endpoints = new Endpoints(seeder.activeSenates(), seeder.panels(64, options.panelSize));
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("membership-service", Loopback.port(options.membershipUrl));
        ports.put("review-service", Loopback.port(options.reviewUrl));
        ports.put("notification-service", Loopback.port(options.notificationUrl));
        Platform platform = Platform.find(ports, Loopback.port(options.pgUrl));
        CpuMeter cpu = new CpuMeter(platform);
        cpuMeter = cpu;
        try (LoadGenerator load = new LoadGenerator(REQUEST_TIMEOUT, cpu)) {
            Map<String, Integer> responseBytes = sanityCheck(load, endpoints);
            Report report = new Report(runId, options, seeder.volume(), responseBytes, platform, quietCheck(cpu),
                    seeder.durability());
            try (RssSampler rss = RssSampler.start(platform)) {
                measure(load, endpoints, report);
                Map<String, Long> peakKb = rss.peakKb();
                report.memory(peakKb);
                judgeMemory(report, peakKb);
            }
            long created = seeder.createdInRun(runId);
            report.note(String.format(Locale.ROOT, "This run created %d advice requests through the API (titles"
                    + " \"Bench load request %s ...\", with their audit entries, outbox events and the events"
                    + " notification-service received). `run-benchmark.sh --clean` removes them with the seed,"
                    + " except the audit entries: the audit log is append-only.", created, runId));
            report.note("Not measured here: readiness within 3 s of start (the launcher prints each service's"
                    + " \"ready after\").");
            report.note("Maximum throughput depends on the number of workers and on the load generator's own"
                    + " share of the cores; the ratio to /q/health/live, measured the same way in the same run,"
                    + " is the comparable number.");
            String markdown = report.markdown();
            report.write(options.out);
            System.out.println();
            System.out.println(markdown);
            System.out.println("Written to " + options.out);
            return report.allMet() ? 0 : 1;
        }
    }

    /** The phases, one after the other; about 4 minutes with the default durations. */
    private void measure(LoadGenerator load, Endpoints endpoints, Report report) {
        List<Endpoint> lists = List.of(endpoints.register, endpoints.senates, endpoints.members, endpoints.adviceRequests,
                endpoints.reviewProgress, endpoints.publicLog)
                .stream().filter(this::selected).toList();

        if (!options.warmupAll.isZero()) {
            // one warm-up of every read first, so that no phase pays for another's JIT compilation
            List<Endpoint> reads = List.of(endpoints.health, endpoints.register, endpoints.senates, endpoints.members,
                    endpoints.adviceRequests, endpoints.reviewProgress, endpoints.publicLog, endpoints.statistics,
                    endpoints.conflictCheck);
            Endpoint mixed = new Endpoint("warm-up", "every read", n -> reads.get((int) (n % reads.size()))
                    .request().apply(n / reads.size()));
            System.out.printf(Locale.ROOT, "  warm-up:        every read, round robin (%d workers, %s s) ...%n",
                    options.workers, Report.seconds(options.warmupAll.toMillis()));
            load.closedLoop(mixed, options.workers, Duration.ZERO, options.warmupAll);
        }
        PhaseResult health = closedLoop(load, endpoints.health);
        report.closedLoop(health);
        double generatorCores = health.cpuCores().getOrDefault(CpuMeter.GENERATOR, 0.0);
        double serviceCores = health.cpuCores().getOrDefault("membership-service", 0.0);
        if (generatorCores > serviceCores) {
            report.note(String.format(Locale.ROOT, "The /q/health/live baseline was limited by the load generator"
                    + " (%.2f cores) more than by membership-service (%.2f cores): on a machine of its own the"
                    + " service would answer more, so the ratios here are, if anything, flattering.",
                    generatorCores, serviceCores));
        }
        Map<Endpoint, PhaseResult> maxima = new LinkedHashMap<>();
        for (Endpoint endpoint : lists) {
            PhaseResult max = closedLoop(load, endpoint);
            report.closedLoop(max);
            maxima.put(endpoint, max);
        }
        for (Endpoint endpoint : lists) {
            PhaseResult max = maxima.get(endpoint);
            double share = health.throughput() > 0 ? max.throughput() / health.throughput() : 0;
            boolean clean = max.errorCount() == 0 && health.errorCount() == 0;
            report.target(endpoint.label() + ": max throughput vs /q/health/live",
                    String.format(Locale.ROOT, "%.0f%% (%.0f of %.0f req/s)%s", 100 * share, max.throughput(),
                            health.throughput(), errorsNote(max.errorCount() + health.errorCount())),
                    "≥ " + Math.round(100 * THROUGHPUT_SHARE) + "%",
                    clean && share >= THROUGHPUT_SHARE ? Report.Verdict.PASS : Report.Verdict.FAIL);
        }
        for (Endpoint endpoint : lists) {
            double rate = Math.max(1, maxima.get(endpoint).throughput() / 2);
            PhaseResult result = openLoop(load, endpoint, rate);
            report.openLoop(result);
            judgeP99(report, result, String.format(Locale.ROOT, "%s: p99 at half its max (%.0f req/s)", endpoint.label(),
                    rate), LIST_P99_MILLIS);
        }
        if (selected(endpoints.conflictCheck)) {
            PhaseResult conflicts = openLoop(load, endpoints.conflictCheck, options.conflictRate);
            report.openLoop(conflicts);
            judgeP99(report, conflicts, String.format(Locale.ROOT, "conflict check of a %d-member panel: p99 at %.0f req/s",
                    options.panelSize, options.conflictRate), CONFLICT_CHECK_P99_MILLIS);
        }
        if (selected(endpoints.statistics)) {
            PhaseResult statistics = openLoop(load, endpoints.statistics, options.statisticsRate);
            report.openLoop(statistics);
            judgeP99(report, statistics, String.format(Locale.ROOT, "assurance statistics (every senate, 12 months):"
                    + " p99 at %.0f req/s", options.statisticsRate), STATISTICS_P99_MILLIS);
        }
        if (selected(endpoints.createAdviceRequest)) {
            PhaseResult creates = openLoop(load, endpoints.createAdviceRequest, options.createRate);
            report.openLoop(creates);
            judgeP99(report, creates, String.format(Locale.ROOT, "create an advice request: p99 at %.0f req/s",
                    options.createRate), CREATE_P99_MILLIS);
        }
        if (options.only.isEmpty() || options.only.contains(WebhookPhase.NAME)) {
            webhooks(report);
        }
    }

    /** Event to signed webhook at a local receiver, at a constant rate of events. */
    private void webhooks(Report report) {
        System.out.printf(Locale.ROOT, "  webhooks:       event -> signed webhook (%.0f events/s, 5 s + %s s) ... ",
                options.webhookRate, Report.seconds(options.webhookMeasure.toMillis()));
        String what = String.format(Locale.ROOT, "event -> signed webhook at a local receiver: p99 at %.0f events/s"
                + " for %s s", options.webhookRate, Report.seconds(options.webhookMeasure.toMillis()));
        try {
            WebhookPhase.Result r = new WebhookPhase(options.notificationUrl, options.issuerUrl, cpuMeter)
                    .run(options.webhookRate, Duration.ofSeconds(5), options.webhookMeasure, Duration.ofSeconds(30));
            String cores = r.cpuCores().isEmpty() ? "" : " [cpu" + r.cpuCores().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, " %s %.2f", e.getKey(), e.getValue()))
                    .collect(java.util.stream.Collectors.joining()) + "]";
            System.out.printf(Locale.ROOT, "p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d sent, %d received verified, %d lost,"
                    + " %d unverified, %d send errors, send lag up to %.0f ms%s%n", r.latencies().p50Millis(),
                    r.latencies().p99Millis(), r.latencies().maxMillis(), r.sent(), r.received(), r.lost(), r.unverified(),
                    r.sendErrors(), r.maxSendLagMillis(), cores);
            boolean clean = r.lost() == 0 && r.unverified() == 0 && r.sendErrors() == 0 && r.received() > 0;
            report.target(what, String.format(Locale.ROOT, "%.0f ms (p50 %.0f ms; %d of %d received, verified%s)",
                    r.latencies().p99Millis(), r.latencies().p50Millis(), r.received(), r.sent(),
                    r.sendErrors() + r.unverified() == 0 ? "" : "; " + (r.sendErrors() + r.unverified()) + " errors"),
                    String.format(Locale.ROOT, "≤ %.0f ms, none lost", WEBHOOK_P99_MILLIS),
                    clean && r.latencies().p99Millis() <= WEBHOOK_P99_MILLIS ? Report.Verdict.PASS : Report.Verdict.FAIL);
            report.note(String.format(Locale.ROOT, "Webhooks: review-service's relay played by the generator (a batch of"
                    + " %.0f events every 100 ms to POST /events), one endpoint at a receiver on loopback verifying each"
                    + " signature with the Standard Webhooks library; latency from when the event's batch was due to"
                    + " when its webhook arrived: p50 %.0f ms, p99 %.0f ms, max %.0f ms%s. %s", options.webhookRate / 10,
                    r.latencies().p50Millis(), r.latencies().p99Millis(), r.latencies().maxMillis(), cores,
                    r.paused().isEmpty() ? "No other endpoint wanted these events."
                            : r.paused().size() + " other endpoint(s) wanting these events (e.g. the local run's demo"
                                    + " endpoint) were disabled for the phase and enabled again after it."));
        } catch (Exception e) {
            System.out.println("not measured: " + e.getMessage());
            report.target(what, "not measured: " + e.getMessage(), String.format(Locale.ROOT, "≤ %.0f ms",
                    WEBHOOK_P99_MILLIS), Report.Verdict.FAIL);
        }
    }

    /** Whether --only (if given) names the endpoint; the health baseline always runs. */
    private boolean selected(Endpoint endpoint) {
        return options.only.isEmpty() || options.only.contains(endpoint.name());
    }

    private PhaseResult closedLoop(LoadGenerator load, Endpoint endpoint) {
        System.out.printf(Locale.ROOT, "  max throughput: %-32s (%d workers, %s s + %s s) ... ", endpoint.label(),
                options.workers, Report.seconds(options.warmup.toMillis()), Report.seconds(options.measure.toMillis()));
        PhaseResult result = load.closedLoop(endpoint, options.workers, options.warmup, options.measure);
        System.out.printf(Locale.ROOT, "%.0f req/s, p99 %.1f ms%s%s%n", result.throughput(),
                result.latencies().p99Millis(), errorsNote(result.errorCount()), cpuNote(result));
        return result;
    }

    private PhaseResult openLoop(LoadGenerator load, Endpoint endpoint, double rate) {
        System.out.printf(Locale.ROOT, "  constant rate:  %-32s (%.0f req/s, %s s + %s s) ... ", endpoint.label(), rate,
                Report.seconds(options.openWarmup.toMillis()), Report.seconds(options.openMeasure.toMillis()));
        PhaseResult result = load.openLoop(endpoint, rate, options.senders, options.openWarmup, options.openMeasure);
        System.out.printf(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms%s%s%n", result.latencies().p50Millis(),
                result.latencies().p99Millis(), result.latencies().maxMillis(), errorsNote(result.errorCount()),
                cpuNote(result));
        return result;
    }

    private static void judgeP99(Report report, PhaseResult result, String what, double limitMillis) {
        double p99 = result.latencies().p99Millis();
        report.target(what, String.format(Locale.ROOT, "%.1f ms%s", p99, errorsNote(result.errorCount())),
                String.format(Locale.ROOT, "≤ %.0f ms", limitMillis),
                result.errorCount() == 0 && result.latencies().count() > 0 && p99 <= limitMillis
                        ? Report.Verdict.PASS : Report.Verdict.FAIL);
    }

    private static void judgeMemory(Report report, Map<String, Long> peakKb) {
        for (String service : SERVICES) {
            Long kb = peakKb.get(service);
            String what = service + ": peak RSS under load";
            String limit = "≤ " + RSS_LIMIT_MIB + " MiB";
            if (kb == null) {
                report.target(what, "process not found", limit, Report.Verdict.NOT_MEASURED);
            } else {
                report.target(what, String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0), limit,
                        kb <= RSS_LIMIT_MIB * 1024 ? Report.Verdict.PASS : Report.Verdict.FAIL);
            }
        }
    }

    /** Cores the rest of the machine uses while the platform idles, over two seconds. */
    private static Map<String, Double> quietCheck(CpuMeter cpu) throws InterruptedException {
        CpuMeter.Snapshot from = cpu.snapshot();
        Thread.sleep(2000);
        Map<String, Double> cores = CpuMeter.cores(from, cpu.snapshot());
        System.out.printf(Locale.ROOT, "Before the load: other processes use %.2f cores%s%n",
                cores.getOrDefault(CpuMeter.OTHER, 0.0),
                cores.getOrDefault(CpuMeter.OTHER, 0.0) > Report.DISTURBING_CORES ? " (the machine is not quiet)" : "");
        return cores;
    }

    /** Each endpoint once before any load: a harness or seed problem stops the run here, not in the report. */
    private Map<String, Integer> sanityCheck(LoadGenerator load, Endpoints endpoints) throws Exception {
        System.out.println("Checking each endpoint once ...");
        Map<String, Integer> bytes = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints.all()) {
            HttpResponse<String> response = load.once(endpoint.request().apply(0));
            bytes.put(endpoint.name(), response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            String shape = shape(response.body());
            System.out.printf(Locale.ROOT, "  %-34s %d, %,d bytes%s%n", endpoint.label(), response.statusCode(),
                    bytes.get(endpoint.name()), shape.isEmpty() ? "" : ", " + shape);
            if (response.statusCode() / 100 != 2) {
                failures.add(endpoint.label() + " answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the platform does not answer as expected (is ./run.sh running,"
                    + " with the same issuer URL?):\n  " + String.join("\n  ", failures));
        }
        return bytes;
    }

    /** How many items a list holds (items, decisionMakers, results), to show that the seed is read. */
    private static String shape(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            List<String> parts = new ArrayList<>();
            for (String field : List.of("items", "decisionMakers", "results")) {
                if (json != null && json.path(field).isArray()) {
                    parts.add(json.path(field).size() + " " + field);
                }
            }
            return String.join(", ", parts);
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    /** The cores used in the window, e.g. " [membership-service 1.52, postgres 0.31, generator 0.12, other 0.01]". */
    private static String cpuNote(PhaseResult result) {
        if (result.cpuCores().isEmpty()) {
            return "";
        }
        StringBuilder note = new StringBuilder(" [cpu");
        result.cpuCores().forEach((who, cores) -> note.append(String.format(Locale.ROOT, " %s %.2f", who, cores)));
        return note.append(']').toString();
    }

    private static String errorsNote(int errors) {
        return errors == 0 ? "" : ", " + errors + " errors";
    }

    /** The requests of each phase. */
    private final class Endpoints {

        final Endpoint health;
        final Endpoint register;
        final Endpoint senates;
        final Endpoint members;
        final Endpoint adviceRequests;
        final Endpoint reviewProgress;
        final Endpoint publicLog;
        final Endpoint statistics;
        final Endpoint conflictCheck;
        final Endpoint createAdviceRequest;

        Endpoints(List<Seeder.ActiveSenate> active, List<Seeder.Panel> panels) {
            String membership = strip(options.membershipUrl);
            String review = strip(options.reviewUrl);
            String admin = bearer(LocalIssuer.sign(options.issuerUrl, "bench-admin", List.of("platform-admin"), Map.of(),
                    TOKEN_LIFETIME));
            String service = bearer(LocalIssuer.sign(options.issuerUrl, "bench-review-service", List.of("service"),
                    Map.of("azp", "review-service"), TOKEN_LIFETIME));
            // a requester per senate, for an ICB that senate covers
            List<String> requesterTokens = new ArrayList<>();
            List<String> organisations = new ArrayList<>();
            for (Seeder.ActiveSenate senate : active) {
                String organisation = senate.icbs().isEmpty() ? "QRL" : senate.icbs().get(0);
                organisations.add(organisation);
                requesterTokens.add(bearer(LocalIssuer.sign(options.issuerUrl, "bench-requester-" + organisation,
                        List.of("requester"), Map.of("org", organisation), TOKEN_LIFETIME)));
            }
            List<String> slugs = active.stream().map(Seeder.ActiveSenate::slug).toList();
            List<String> panelBodies = panels.stream().map(Benchmark::json).toList();

            health = new Endpoint("health", "/q/health/live (baseline)",
                    n -> get(membership + "/q/health/live", null));
            register = new Endpoint("register", "GET /senates/{slug}/register",
                    n -> get(membership + "/senates/" + slugs.get((int) (n % slugs.size())) + "/register", null));
            senates = new Endpoint("senates", "GET /senates (public)", n -> get(membership + "/senates", null));
            members = new Endpoint("members", "GET /members?senate=",
                    n -> get(membership + "/members?senate=" + slugs.get((int) (n % slugs.size())), admin));
            adviceRequests = new Endpoint("advice-requests", "GET /advice-requests",
                    n -> get(review + "/advice-requests", admin));
            String assurance = bearer(LocalIssuer.sign(options.issuerUrl, "bench-assurance", List.of("assurance-viewer"),
                    Map.of(), TOKEN_LIFETIME));
            reviewProgress = new Endpoint("review-progress", "GET /review-progress (assurance)",
                    n -> get(review + "/review-progress", assurance));
            // the public log: no token, newest first, one senate at a time and a full-text search in turn
            List<String> searches = List.of("stroke", "maternity services", "workforce plan", "orthopaedics");
            publicLog = new Endpoint("public-log", "GET /public/advice-log (no token)",
                    n -> get(review + "/public/advice-log?" + (n % 2 == 0
                            ? "senate=" + slugs.get((int) (n / 2 % slugs.size()))
                            : "q=" + java.net.URLEncoder.encode(searches.get((int) (n / 2 % searches.size())),
                                    java.nio.charset.StandardCharsets.UTF_8)), null));
            statistics = new Endpoint("statistics", "GET /assurance-statistics (assurance)",
                    n -> get(review + "/assurance-statistics", assurance));
            conflictCheck = new Endpoint("conflict-check", "POST /conflict-checks",
                    n -> post(membership + "/conflict-checks", service, panelBodies.get((int) (n % panelBodies.size())),
                            null));
            // every create is a new request (its own Idempotency-Key), the sanity check's too
            AtomicLong creates = new AtomicLong();
            String neededBy = java.time.LocalDate.now().plusMonths(6).toString();
            createAdviceRequest = new Endpoint("create-advice-request", "POST /advice-requests", n -> {
                long number = creates.incrementAndGet();
                int s = (int) (number % slugs.size());
                return post(review + "/advice-requests", requesterTokens.get(s), json(Map.ofEntries(
                        Map.entry("senate", slugs.get(s)),
                        Map.entry("requestingOrganisation", organisations.get(s)),
                        Map.entry("requestingOrganisationType", "icb"),
                        Map.entry("kind", "clinical-review"),
                        Map.entry("title", "Bench load request " + runId + " " + number),
                        Map.entry("question", "Is the proposed model of care safe? (load generated by the benchmark)"),
                        Map.entry("areaUnderReview", List.of(organisations.get(s))),
                        Map.entry("proposalStage", "options-appraisal"),
                        Map.entry("neededBy", neededBy),
                        Map.entry("requesterContact", Map.of("name", "Bench requester",
                                "email", "requester@bench.example")))),
                        "bench-" + runId + "-" + number);
            });
        }

        List<Endpoint> all() {
            return List.of(health, register, senates, members, adviceRequests, reviewProgress, publicLog, statistics,
                    conflictCheck,
                    createAdviceRequest);
        }

        private HttpRequest get(String url, String authorization) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json").GET();
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            return builder.build();
        }

        private HttpRequest post(String url, String authorization, String body, String idempotencyKey) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json").header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (idempotencyKey != null) {
                builder.header("Idempotency-Key", idempotencyKey);
            }
            return builder.build();
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
