package org.clinicalsenate.membership.service;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.clinicalsenate.commons.audit.Audited;
import org.clinicalsenate.membership.config.RegisterConfig;

/**
 * The published register is read far more often than it changes (it is public and polled), and
 * is the costliest read of the service: each senate's rendered register is kept for the day it
 * shows. A committed change to anything of the senate (every change is audited; see
 * {@link Audited}) drops the senate's entries at once in this replica; other replicas' entries
 * expire after {@code senate.register.cache-ttl}.
 */
@ApplicationScoped
public class RegisterCache {

    /** One rendering (e.g. JSON or CSV) of one senate's register of one day. */
    private record Key(String senate, LocalDate day, String variant) {
    }

    private record Entry(byte[] body, long expiresAtNanos) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by each committed change of a senate: a rendering begun before it is not kept. */
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

    @Inject
    RegisterConfig config;

    /** The cached rendering, or a fresh one from {@code render}, kept unless the senate changed meanwhile. */
    public byte[] get(String senate, LocalDate day, String variant, Supplier<byte[]> render) {
        Key key = new Key(senate, day, variant);
        long now = System.nanoTime();
        Entry cached = entries.get(key);
        if (cached != null && now - cached.expiresAtNanos() < 0) {
            return cached.body();
        }
        long generation = generation(senate).get();
        byte[] body = render.get();
        Duration ttl = config.cacheTtl();
        if (!ttl.isZero() && generation(senate).get() == generation) {
            entries.keySet().removeIf(k -> k.day().isBefore(day)); // yesterday's registers are done with
            entries.put(key, new Entry(body, now + ttl.toNanos()));
        }
        return body;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Audited change) {
        if (change.senate() == null) {
            generations.values().forEach(AtomicLong::incrementAndGet);
            entries.clear();
        } else {
            generation(change.senate()).incrementAndGet();
            entries.keySet().removeIf(k -> k.senate().equals(change.senate()));
        }
    }

    private AtomicLong generation(String senate) {
        return generations.computeIfAbsent(senate, s -> new AtomicLong());
    }
}
