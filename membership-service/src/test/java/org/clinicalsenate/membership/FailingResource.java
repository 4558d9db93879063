package org.clinicalsenate.membership;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Exists only in the test application: an endpoint with a bug, to see how unexpected errors reach clients. */
@Path("/test-only/failure")
public class FailingResource {

    @GET
    @PermitAll
    @jakarta.ws.rs.Produces("application/json")
    public String fail() {
        throw new IllegalStateException("secret internal detail");
    }
}
