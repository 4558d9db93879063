package org.clinicalsenate.membership;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** Exists only in the test application: endpoints with bugs, to see how unexpected errors reach clients. */
@Path("/test-only")
@PermitAll
@Produces("application/json")
public class FailingResource {

    @Inject
    EntityManager em;

    @GET
    @Path("/failure")
    public String fail() {
        throw new IllegalStateException("secret internal detail");
    }

    /** A write that skips the service's own check, so that PostgreSQL's unique constraint is what refuses it. */
    @POST
    @Path("/duplicate-senate")
    @Transactional
    public String duplicateSenate() {
        em.createNativeQuery("INSERT INTO senate (slug, name, region, active_from)"
                + " VALUES ('london', 'Another London', 'London', DATE '2020-01-01')").executeUpdate();
        return "{}";
    }
}
