package org.clinicalsenate.commons.page;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Adds the {@code Link: <...>; rel="next"} header that mirrors a page's nextCursor. */
public final class PageLinks {

    private PageLinks() {
    }

    public static Response ok(Object body, String nextCursor, UriInfo uri) {
        Response.ResponseBuilder response = Response.ok(body);
        if (nextCursor != null) {
            String next = uri.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor).build().toString();
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response.build();
    }
}
