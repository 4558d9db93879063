package org.clinicalsenate.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

import org.clinicalsenate.api.common.model.CloudEvent;
import org.clinicalsenate.api.notification.EventsApi;
import org.clinicalsenate.api.notification.model.ReceivedEvent;
import org.clinicalsenate.api.notification.model.ReceivedEventPage;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.page.PageLinks;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.notification.mapping.ReceivedEventMapper;
import org.clinicalsenate.notification.service.EventService;

public class EventResource implements EventsApi {

    @Inject
    EventService events;

    @Inject
    ReceivedEventMapper mapper;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Response listEvents(String type, Integer limit, String cursor) {
        Page<ReceivedEvent> page = events.list(type, limit, cursor).map(mapper::toApi);
        return PageLinks.ok(new ReceivedEventPage(page.items()).nextCursor(page.nextCursor()), page.nextCursor(), uri);
    }

    @Override
    @RolesAllowed({ Roles.MEMBERSHIP_SERVICE, Roles.REVIEW_SERVICE })
    public Response receiveEvent(CloudEvent event) {
        EventService.Receipt receipt = events.receive(event);
        return Response.status(receipt.first() ? Status.CREATED : Status.OK)
                .entity(mapper.toApi(receipt.event()))
                .build();
    }
}
