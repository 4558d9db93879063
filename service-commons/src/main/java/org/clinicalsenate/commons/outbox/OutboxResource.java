package org.clinicalsenate.commons.outbox;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clinicalsenate.api.common.OutboxApi;
import org.clinicalsenate.api.common.model.DeadEvent;
import org.clinicalsenate.api.common.model.DeadEventPage;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.page.PageLinks;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Roles;

/** The events this service gave up delivering, for a platform-admin to re-queue once the cause is fixed. */
public class OutboxResource implements OutboxApi {

    @Inject
    Outbox outbox;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Response listDeadEvents(Integer limit, String cursor) {
        Page<DeadEvent> page = outbox.dead(limit, cursor).map(e -> new DeadEvent(OutboxRelay.toCloudEvent(e),
                e.attempts, Times.utc(e.deadAt)).lastError(e.lastError));
        return PageLinks.ok(new DeadEventPage(page.items()).nextCursor(page.nextCursor()), page.nextCursor(), uri);
    }

    @Override
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Response requeueDeadEvent(UUID eventId) {
        OutboxEvent event = outbox.requeue(eventId)
                .orElseThrow(() -> ProblemException.notFound("No dead event with id " + eventId));
        return Response.ok(OutboxRelay.toCloudEvent(event)).build();
    }
}
