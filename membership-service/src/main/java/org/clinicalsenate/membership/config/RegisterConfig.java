package org.clinicalsenate.membership.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The published register. */
@ConfigMapping(prefix = "senate.register")
public interface RegisterConfig {

    /**
     * How long a replica serves a rendered register before building it again. A change made through
     * this replica shows at once; one made through another replica within this time (environment
     * variable {@code SENATE_REGISTER_CACHE_TTL}; 0 turns the cache off).
     */
    @WithDefault("30S")
    Duration cacheTtl();
}
