package org.clinicalsenate.membership.config;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "senate.conflicts")
public interface ConflictCheckConfig {

    /**
     * How far back before the day of a check an ended interest still counts (ISO-8601 period,
     * e.g. {@code P12M}; environment variable {@code SENATE_CONFLICTS_LOOKBACK}).
     */
    @WithDefault("P12M")
    Period lookback();
}
