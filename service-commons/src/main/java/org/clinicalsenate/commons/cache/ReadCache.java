package org.clinicalsenate.commons.cache;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clinicalsenate.commons.audit.Audited;
import org.clinicalsenate.commons.security.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The hot reads (the public register, the lists that dashboards and ICS tools poll) are read far more
 * often than anything changes: their rendered bytes are kept and served again until a change could
 * alter them. Every change is audited, so a committed {@link Audited} change drops, in this replica
 * and at once, what shows the changed senate and every rendering that spans senates; other replicas'
 * renderings expire after {@code senate.read-cache.ttl}. A rendering is kept per day (what is current
 * or late depends on the date) and per caller's view (see {@link Caller#view()}); a public read once
 * for everyone ({@link #publicRead}).
 */
@ApplicationScoped
public class ReadCache {

    /**
     * What a rendering depends on.
     *
     * @param senate the senate whose data it shows, or null when it spans senates
     * @param request the read itself, e.g. the path and query
     * @param day England's date when it was rendered
     * @param view what the caller may see
     */
    public record Key(String senate, String request, LocalDate day, String view) {
    }

    /** The bytes sent and the headers that go with them. */
    public record Rendered(byte[] body, MediaType type, Map<String, String> headers) {

        public Response response() {
            Response.ResponseBuilder response = Response.ok(body, type);
            headers.forEach(response::header);
            return response.build();
        }
    }

    /** Bumped by each committed change: a rendering begun before it is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private Cache<Key, Rendered> entries;

    @Inject
    ReadCacheConfig config;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @PostConstruct
    void create() {
        entries = Caffeine.newBuilder()
                .expireAfterWrite(config.ttl())
                .maximumWeight(config.maxSize().asLongValue())
                .<Key, Rendered>weigher((key, rendered) -> rendered.body().length + key.request().length())
                .build();
    }

    /** The kept rendering, or a fresh one from {@code render}, kept unless something changed meanwhile. */
    public Rendered get(Key key, Supplier<Rendered> render) {
        if (config.ttl().isZero()) {
            return render.get();
        }
        Rendered kept = entries.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        long before = generation.get();
        Rendered fresh = render.get();
        entries.put(key, fresh);
        if (generation.get() != before) { // a change committed while rendering: it may not show
            entries.invalidate(key);
        }
        return fresh;
    }

    /**
     * A page of a list as this caller sees it today: the JSON body and its {@code Link} header, kept.
     *
     * @param senate the senate the list is filtered to, or null when it spans senates
     * @param read the page as the resource answers it without the cache
     */
    public Response page(String senate, UriInfo uri, Supplier<Response> read) {
        return get(key(senate, uri, "", caller.view()), () -> rendered(read.get())).response();
    }

    /**
     * A public read, the same for every caller (anonymous or not): kept once for all of them, by its
     * URL and the {@code Accept} it was asked with, which choose the rendering. It shows the data of
     * any senate, so any change drops it. On a resource marked {@link KeptPublicReads.Kept},
     * {@link KeptPublicReads} serves it again without a worker thread.
     */
    public Response publicRead(UriInfo uri, String accept, Supplier<Rendered> render) {
        return get(publicKey(uri, accept), render).response();
    }

    /** A page of a public list (JSON), the same for every caller. */
    public Response publicPage(UriInfo uri, String accept, Supplier<Response> read) {
        return publicRead(uri, accept, () -> rendered(read.get()));
    }

    /** The kept rendering of a public read, if there is one: never renders. */
    public Optional<Rendered> keptPublic(UriInfo uri, String accept) {
        return config.ttl().isZero() ? Optional.empty() : Optional.ofNullable(entries.getIfPresent(publicKey(uri, accept)));
    }

    private Key publicKey(UriInfo uri, String accept) {
        return key(null, uri, "accept " + (accept == null ? "" : accept), "public");
    }

    private Key key(String senate, UriInfo uri, String variant, String view) {
        String request = uri.getRequestUri().getRawPath() + '?' + uri.getRequestUri().getRawQuery()
                + (variant.isEmpty() ? "" : " " + variant);
        return new Key(senate, request, LocalDate.now(clock), view);
    }

    private Rendered rendered(Response page) {
        try {
            byte[] body = json.writeValueAsBytes(page.getEntity());
            String link = page.getHeaderString("Link");
            return new Rendered(body, MediaType.APPLICATION_JSON_TYPE, link == null ? Map.of() : Map.of("Link", link));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a page of " + page.getEntity().getClass().getSimpleName(), e);
        }
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Audited change) {
        generation.incrementAndGet();
        if (change.senate() == null) {
            entries.invalidateAll();
        } else {
            entries.asMap().keySet().removeIf(k -> k.senate() == null || k.senate().equals(change.senate()));
        }
    }
}
