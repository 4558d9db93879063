package org.clinicalsenate.notification.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How webhooks are delivered ({@code senate.webhooks.*}; environment {@code SENATE_WEBHOOKS_*}). */
@ConfigMapping(prefix = "senate.webhooks")
public interface WebhookConfig {

    /**
     * The delay before each attempt of a message: the first is the delay before the first attempt
     * (immediately), each further one the delay after a failure. Past the last, the message fails.
     */
    @WithDefault("0s,5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** Up to this fraction of a delay is added at random, so that retries of many messages spread. */
    @WithDefault("0.2")
    double jitter();

    /** How long a receiver has to answer (connecting included). */
    @WithDefault("15s")
    Duration timeout();

    /** An endpoint failing every delivery for this long is disabled. */
    @WithDefault("5d")
    Duration disableAfter();

    /** How long the previous secret keeps signing after a rotation. */
    @WithDefault("24h")
    Duration secretOverlap();

    /** How far back a recovery may reach. */
    @WithDefault("30d")
    Duration recoveryWindow();

    /** Plain http:// URLs (the local run and the tests); production needs https://. */
    @WithDefault("false")
    boolean allowHttp();

    /** Loopback addresses (the local run's receiver and the tests'); never in production. */
    @WithDefault("false")
    boolean allowLoopback();

    /** Whether this replica's workers deliver (the tests drive delivery themselves). */
    @WithDefault("true")
    boolean deliveryEnabled();

    /**
     * How often the workers look for due messages (each look claims until nothing due is left or
     * every worker is busy). Read by the scheduler as {@code senate.webhooks.poll-interval}.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * Deliveries in flight at once in this replica (sent and not yet answered). Waiting for an answer
     * holds no thread, so this bounds open connections rather than threads.
     */
    @WithDefault("128")
    int workers();

    /**
     * Deliveries in flight at once to one endpoint in this replica: a slow receiver holds no more
     * than this share of the workers, and a fast one is sent this many requests side by side.
     */
    @WithDefault("32")
    int perEndpoint();

    /**
     * A claimed message is due again after this long if its worker has not recorded the attempt
     * (the replica died): longer than the timeout.
     */
    @WithDefault("60s")
    Duration lease();
}
