package org.clinicalsenate.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator: one {@link HttpClient} (HTTP/1.1, keep-alive: connections are pooled and
 * reused) and two kinds of phase, each with a warm-up and a measured window of fixed length, so a
 * phase always ends on time.
 * <ul>
 * <li>closed loop: {@code workers} threads send back to back; the rate of responses completed in
 * the window is the maximum throughput at that concurrency;</li>
 * <li>open loop: requests are due at a constant rate on a fixed schedule, sent from a pool of
 * threads; each latency runs from the request's <em>intended</em> send time, so a service (or a
 * pool) that falls behind shows up in the percentiles instead of slowing the schedule down (no
 * coordinated omission).</li>
 * </ul>
 */
final class LoadGenerator implements AutoCloseable {

    /** An open-loop phase waits this long past its window for the requests still running. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final HttpClient client;
    private final Duration requestTimeout;
    private final CpuMeter cpu;

    /** @param cpu measures who used the CPU in each measured window */
    LoadGenerator(Duration requestTimeout, CpuMeter cpu) {
        this.requestTimeout = requestTimeout;
        this.cpu = cpu;
        this.client = HttpClient.newBuilder()
                // responses are handled on the client's selector thread instead of being handed to a
                // pool: on 2 cores this halves the generator's CPU per request (measured: about 60%
                // more /q/health/live throughput), leaving more of the machine to the services
                .executor(Runnable::run)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** One request outside any phase (the sanity check): the response, body as text. */
    HttpResponse<String> once(HttpRequest request) throws IOException, InterruptedException {
        return client.send(withTimeout(request), HttpResponse.BodyHandlers.ofString());
    }

    PhaseResult closedLoop(Endpoint endpoint, int workers, Duration warmup, Duration measure) {
        Recorder recorder = new Recorder();
        AtomicLong sequence = new AtomicLong();
        long measureStart = System.nanoTime() + warmup.toNanos();
        long end = measureStart + measure.toNanos();
        CpuWindow window = new CpuWindow(measureStart, end);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    String outcome = send(endpoint.request().apply(sequence.getAndIncrement()));
                    long done = System.nanoTime();
                    // steady state: the responses completed inside the window, whenever they were sent
                    if (done >= measureStart && done <= end) {
                        recorder.record(done - sent, outcome);
                    }
                }
            }, "closed-loop-" + w);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        long giveUp = end + requestTimeout.toNanos() + DRAIN.toNanos();
        for (Thread thread : threads) {
            joinUntil(thread, giveUp);
        }
        double seconds = measure.toNanos() / 1e9;
        return new PhaseResult(endpoint, true, workers, 0, seconds, recorder.successes(), recorder.errors(),
                recorder.latencies(), recorder.successes() / seconds, 0, window.cores());
    }

    /**
     * @param senders the most requests in flight at once; more due meanwhile wait in a queue (their
     *                latency still counts from when they were due)
     */
    PhaseResult openLoop(Endpoint endpoint, double rate, int senders, Duration warmup, Duration measure) {
        Recorder recorder = new Recorder();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(senders, senders, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "open-loop-sender");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.prestartAllCoreThreads();
        AtomicInteger dueInWindow = new AtomicInteger();
        AtomicInteger finishedInWindow = new AtomicInteger();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long measureStart = start + warmup.toNanos();
        long end = measureStart + measure.toNanos();
        CpuWindow window = new CpuWindow(measureStart, end);
        long maxLag = 0;
        for (long n = 0;; n++) {
            long intended = start + Math.round(n * 1e9 / rate); // from the start, so rounding never drifts
            if (intended >= end) {
                break;
            }
            parkUntil(intended);
            maxLag = Math.max(maxLag, System.nanoTime() - intended);
            boolean counts = intended >= measureStart;
            if (counts) {
                dueInWindow.incrementAndGet();
            }
            HttpRequest request = endpoint.request().apply(n);
            pool.execute(() -> {
                String outcome = send(request);
                long done = System.nanoTime();
                if (counts) {
                    recorder.record(done - intended, outcome);
                    finishedInWindow.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(requestTimeout.plus(DRAIN).toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        recorder.unfinished(dueInWindow.get() - finishedInWindow.get());
        double seconds = measure.toNanos() / 1e9;
        return new PhaseResult(endpoint, false, senders, rate, seconds, recorder.successes(), recorder.errors(),
                recorder.latencies(), recorder.successes() / seconds, maxLag / 1e6, window.cores());
    }

    /** The status code as text, or the exception's simple name when there is no response. */
    private String send(HttpRequest request) {
        try {
            HttpResponse<Void> response = client.send(withTimeout(request), HttpResponse.BodyHandlers.discarding());
            return Integer.toString(response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    private HttpRequest withTimeout(HttpRequest request) {
        return request.timeout().isPresent() ? request
                : HttpRequest.newBuilder(request, (name, value) -> true).timeout(requestTimeout).build();
    }

    private static void parkUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static void joinUntil(Thread thread, long deadline) {
        long left = deadline - System.nanoTime();
        try {
            if (left > 0) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** CPU snapshots at the start and the end of a measured window, taken by a thread of their own. */
    private final class CpuWindow {

        private final long end;
        private final Thread thread;
        private volatile CpuMeter.Snapshot first;
        private volatile CpuMeter.Snapshot last;

        CpuWindow(long start, long end) {
            this.end = end;
            this.thread = new Thread(() -> {
                parkUntil(start);
                first = cpu.snapshot();
                parkUntil(end);
                last = cpu.snapshot();
            }, "cpu-meter");
            thread.setDaemon(true);
            thread.start();
        }

        /** Cores used in the window, by whom (empty if the window has not been measured). */
        Map<String, Double> cores() {
            joinUntil(thread, end + DRAIN.toNanos());
            CpuMeter.Snapshot from = first;
            CpuMeter.Snapshot to = last;
            return from != null && to != null ? CpuMeter.cores(from, to) : Map.of();
        }
    }

    @Override
    public void close() {
        // HttpClient has no close() before Java 21: its threads are daemons and its idle
        // connections close when the JVM exits
    }
}
