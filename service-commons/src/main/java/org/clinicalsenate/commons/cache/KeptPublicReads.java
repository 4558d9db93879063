package org.clinicalsenate.commons.cache;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Serves a kept public read (the public advice log, say: the busiest read, and the same for
 * everyone) to an anonymous caller on the event loop, before the request would be handed to a
 * worker thread: no thread switch, no resource method. Anything not kept goes on as usual, and
 * renders and keeps it.
 */
public class KeptPublicReads {

    /**
     * Marks the resources whose public reads are kept ({@link ReadCache#publicRead}): only their
     * requests pass through this filter; every other request is handed to its worker thread as before.
     */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.TYPE, ElementType.METHOD })
    public @interface Kept {
    }

    @Inject
    ReadCache cache;

    /** First of the filters, as an event-loop filter must be. */
    @Kept
    @ServerRequestFilter(nonBlocking = true, priority = 1)
    public Optional<Response> kept(ContainerRequestContext request) {
        // a request with credentials goes the usual way: a bad token is a 401 (SentTokens), also here
        if (!HttpMethod.GET.equals(request.getMethod()) || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return Optional.empty();
        }
        return cache.keptPublic(request.getUriInfo(), request.getHeaderString(HttpHeaders.ACCEPT))
                .map(ReadCache.Rendered::response);
    }
}
