package org.clinicalsenate.commons.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "senate.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of this service's events, e.g. {@code /review-service}. */
    String source();

    /** Whether this replica relays events; writing to the outbox is never switched off. */
    @WithDefault("true")
    boolean relayEnabled();

    /** The most events the relay posts in one request; notification-service takes batches of up to 500. */
    @WithDefault("50")
    @Min(1)
    @Max(500)
    int batchSize();

    /** The wait after the first failed delivery; it doubles with each further failure (with jitter). */
    @WithDefault("PT1S")
    Duration initialBackoff();

    @WithDefault("PT5M")
    Duration maxBackoff();

    /**
     * How long after it was written an event that still cannot be delivered is given up on: marked
     * dead, counted, logged at ERROR, and no longer holding back its entity's later events. A
     * platform-admin may re-queue it.
     */
    @WithDefault("P3D")
    Duration deadAfter();
}
