package org.clinicalsenate.commons.cache;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The kept renderings of hot reads (ReadCache). */
@ConfigMapping(prefix = "senate.read-cache")
public interface ReadCacheConfig {

    /**
     * How long a replica serves a kept rendering. A change made through this replica shows at once;
     * one made through another replica shows within this time ({@code SENATE_READ_CACHE_TTL}; 0 turns
     * the cache off).
     */
    @WithDefault("30S")
    Duration ttl();

    /** The most the kept bodies may take together ({@code SENATE_READ_CACHE_MAX_SIZE}); the least used go first. */
    @WithDefault("16M")
    MemorySize maxSize();
}
