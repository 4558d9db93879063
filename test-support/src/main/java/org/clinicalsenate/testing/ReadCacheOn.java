package org.clinicalsenate.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The kept renderings of hot reads (ReadCache) on, for the tests of the cache itself: the other tests
 * write fixtures straight into the database, past the audit log that keeps the renderings fresh, so
 * the {@code %test} default turns the cache off.
 */
public class ReadCacheOn implements QuarkusTestProfile {

    /** Short, so that a test can wait for a rendering to expire. */
    public static final long TTL_MILLIS = 2_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("%test.senate.read-cache.ttl", TTL_MILLIS + "ms");
    }
}
