package org.clinicalsenate.commons.page;

import java.util.Optional;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Adds the {@code Link: <...>; rel="next"} header that mirrors a page's nextCursor. */
public final class PageLinks {

    private PageLinks() {
    }

    public static Response ok(Object body, String nextCursor, UriInfo uri) {
        Response.ResponseBuilder response = Response.ok(body);
        next(nextCursor, uri).ifPresent(link -> response.header("Link", link));
        return response.build();
    }

    /** The {@code Link} header's value for the next page, when there is one. */
    public static Optional<String> next(String nextCursor, UriInfo uri) {
        if (nextCursor == null) {
            return Optional.empty();
        }
        String next = uri.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor).build().toString();
        return Optional.of("<" + next + ">; rel=\"next\"");
    }
}
