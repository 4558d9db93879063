package org.clinicalsenate.benchmark;

import java.nio.file.Path;
import java.time.Duration;

/** The command line; every default is the local run's (./run.sh). */
final class Options {

    static final String USAGE = """
            Usage: deploy/benchmark/run-benchmark.sh [options]
                   java -jar deploy/benchmark/target/benchmark-0.1.0-SNAPSHOT.jar [options]

            Against the running local platform (./run.sh): seeds a realistic volume (see its README) into
            its databases (once), measures each performance target with a load generator and writes
            a pass/fail report. About 4 minutes with the defaults. Exit status: 0 every target met,
            1 a target missed (or a request failed), 2 the benchmark itself could not run.

            What to do:
              (default)                  seed if needed, then measure
              --seed-only                seed if needed, then stop
              --no-seed                  measure what is there
              --clean                    remove everything the benchmark wrote, then stop

            Where (loopback only):
              --membership-url URL       default http://127.0.0.1:8081
              --review-url URL           default http://127.0.0.1:8082
              --notification-url URL     default http://127.0.0.1:8083 (only its process's memory is measured)
              --issuer-url URL           the local issuer the services trust (default http://127.0.0.1:8090/realms/local)
              --pg-url JDBC_URL          the platform's PostgreSQL server (default jdbc:postgresql://127.0.0.1:5433/)
              --pg-user USER             default postgres (no password: --pg-password)
              --out FILE                 the report (default deploy/benchmark/results/latest.md)

            How (times in seconds):
              --warmup-all S             first, every read endpoint in turn, not measured (default 15; 0: none)
              --warmup S                 closed-loop warm-up per endpoint (default 5)
              --measure S                closed-loop measured window per endpoint (default 10)
              --workers N                closed-loop concurrent workers (default 8)
              --open-warmup S            open-loop warm-up per endpoint (default 3)
              --open-measure S           open-loop measured window per endpoint (default 20)
              --senders N                open-loop sending threads, i.e. most requests in flight (default 64)
              --conflict-rate R          conflict checks per second (default 40)
              --create-rate R            advice requests created per second (default 20)
              --statistics-rate R        assurance statistics per second (default 5)
              --webhook-rate R           events per second posted for the webhook phase (default 1000)
              --webhook-measure S        its measured window in seconds (default 60)
              --panel-size N             members per conflict-check panel (default 20)
              --only NAMES               only these phases, comma-separated, e.g. register,members (names:
                                         register, senates, members, advice-requests, review-progress,
                                         public-log, statistics, conflict-check,
                                         create-advice-request, webhooks; the health baseline always runs)

            Volume (first seed only):
              --members N                default 5000
              --declarations-per-member N default 10
              --advice-requests N        default 2000
            """;

    enum Mode {
        MEASURE, SEED_ONLY, CLEAN
    }

    Mode mode = Mode.MEASURE;
    boolean seed = true;
    boolean help;
    String membershipUrl = "http://127.0.0.1:8081";
    String reviewUrl = "http://127.0.0.1:8082";
    String notificationUrl = "http://127.0.0.1:8083";
    String issuerUrl = "http://127.0.0.1:8090/realms/local";
    String pgUrl = "jdbc:postgresql://127.0.0.1:5433/";
    String pgUser = "postgres";
    String pgPassword = "";
    Path out = Path.of("deploy/benchmark/results/latest.md");
    Duration warmupAll = Duration.ofSeconds(15);
    Duration warmup = Duration.ofSeconds(5);
    Duration measure = Duration.ofSeconds(10);
    int workers = 8;
    Duration openWarmup = Duration.ofSeconds(3);
    Duration openMeasure = Duration.ofSeconds(20);
    int senders = 64;
    double conflictRate = 40;
    double statisticsRate = 5;
    double createRate = 20;
    double webhookRate = 1000;
    Duration webhookMeasure = Duration.ofSeconds(60);
    int panelSize = 20;
    java.util.Set<String> only = java.util.Set.of();
    int members = Seeder.Volume.DESIGN.members();
    int declarationsPerMember = Seeder.Volume.DESIGN.declarationsPerMember();
    int adviceRequests = Seeder.Volume.DESIGN.adviceRequests();

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> o.help = true;
                case "--seed-only" -> o.mode = Mode.SEED_ONLY;
                case "--clean" -> o.mode = Mode.CLEAN;
                case "--no-seed" -> o.seed = false;
                case "--membership-url" -> o.membershipUrl = Loopback.requireHttp(value != null ? value : next(args, ++i, arg));
                case "--review-url" -> o.reviewUrl = Loopback.requireHttp(value != null ? value : next(args, ++i, arg));
                case "--notification-url" ->
                    o.notificationUrl = Loopback.requireHttp(value != null ? value : next(args, ++i, arg));
                case "--issuer-url" -> o.issuerUrl = value != null ? value : next(args, ++i, arg);
                case "--pg-url" -> o.pgUrl = Loopback.requireJdbc(value != null ? value : next(args, ++i, arg));
                case "--pg-user" -> o.pgUser = value != null ? value : next(args, ++i, arg);
                case "--pg-password" -> o.pgPassword = value != null ? value : next(args, ++i, arg);
                case "--out" -> o.out = Path.of(value != null ? value : next(args, ++i, arg));
                case "--warmup-all" -> o.warmupAll = seconds(value != null ? value : next(args, ++i, arg), arg, true);
                case "--warmup" -> o.warmup = seconds(value != null ? value : next(args, ++i, arg), arg, true);
                case "--measure" -> o.measure = seconds(value != null ? value : next(args, ++i, arg), arg, false);
                case "--workers" -> o.workers = positive(value != null ? value : next(args, ++i, arg), arg);
                case "--open-warmup" -> o.openWarmup = seconds(value != null ? value : next(args, ++i, arg), arg, true);
                case "--open-measure" -> o.openMeasure = seconds(value != null ? value : next(args, ++i, arg), arg, false);
                case "--senders" -> o.senders = positive(value != null ? value : next(args, ++i, arg), arg);
                case "--conflict-rate" -> o.conflictRate = rate(value != null ? value : next(args, ++i, arg), arg);
                case "--statistics-rate" -> o.statisticsRate = rate(value != null ? value : next(args, ++i, arg), arg);
                case "--create-rate" -> o.createRate = rate(value != null ? value : next(args, ++i, arg), arg);
                case "--webhook-rate" -> o.webhookRate = rate(value != null ? value : next(args, ++i, arg), arg);
                case "--webhook-measure" ->
                    o.webhookMeasure = seconds(value != null ? value : next(args, ++i, arg), arg, false);
                case "--panel-size" -> o.panelSize = positive(value != null ? value : next(args, ++i, arg), arg);
                case "--only" -> o.only = java.util.Set.of((value != null ? value : next(args, ++i, arg)).split(","));
                case "--members" -> o.members = positive(value != null ? value : next(args, ++i, arg), arg);
                case "--declarations-per-member" ->
                    o.declarationsPerMember = positive(value != null ? value : next(args, ++i, arg), arg);
                case "--advice-requests" -> o.adviceRequests = positive(value != null ? value : next(args, ++i, arg), arg);
                default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
            }
        }
        if (o.panelSize > 50) {
            throw new IllegalArgumentException("--panel-size: at most 50 (the contract's limit)");
        }
        return o;
    }

    Seeder.Volume volume() {
        return new Seeder.Volume(members, declarationsPerMember, adviceRequests);
    }

    private static String next(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static Duration seconds(String value, String option, boolean zeroAllowed) {
        double seconds = number(value, option);
        if (seconds < 0 || (!zeroAllowed && seconds == 0) || seconds > 3600) {
            throw new IllegalArgumentException(option + ": not a duration in seconds: " + value);
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static double rate(String value, String option) {
        double rate = number(value, option);
        if (rate <= 0 || rate > 100_000) {
            throw new IllegalArgumentException(option + ": not a rate per second: " + value);
        }
        return rate;
    }

    private static int positive(String value, String option) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": not a positive whole number: " + value);
    }

    private static double number(String value, String option) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a number: " + value);
        }
    }
}
