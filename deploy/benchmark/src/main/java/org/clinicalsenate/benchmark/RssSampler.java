package org.clinicalsenate.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resident set size of each service process under load ({@code VmRSS} of
 * {@code /proc/<pid>/status}), sampled every half second from a daemon thread; the report takes
 * each one's peak.
 */
final class RssSampler implements AutoCloseable {

    private final Platform platform;
    private final Map<String, Long> peakKb = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private RssSampler(Platform platform) {
        this.platform = platform;
        this.thread = new Thread(this::sampleUntilClosed, "rss-sampler");
        thread.setDaemon(true);
    }

    static RssSampler start(Platform platform) {
        RssSampler sampler = new RssSampler(platform);
        sampler.thread.start();
        return sampler;
    }

    /** The highest RSS seen per service, in kB (services whose process was not found are absent). */
    Map<String, Long> peakKb() {
        sample(); // at least one sample, however short the run
        Map<String, Long> peaks = new LinkedHashMap<>();
        platform.services().keySet().forEach(service -> {
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
        platform.services().forEach((service, process) -> Procfs.rssKb(process.pid())
                .ifPresent(kb -> peakKb.merge(service, kb, Math::max)));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
