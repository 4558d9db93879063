package org.clinicalsenate.notification.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

import org.clinicalsenate.api.common.model.CloudEvent;
import org.clinicalsenate.api.notification.EventsApi;
import org.clinicalsenate.api.notification.model.ReceivedEvent;
import org.clinicalsenate.api.notification.model.ReceivedEventBatch;
import org.clinicalsenate.api.notification.model.ReceivedEventPage;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.page.PageLinks;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.notification.mapping.ReceivedEventMapper;
import org.clinicalsenate.notification.service.EventService;

public class EventResource implements EventsApi {

    static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    static final String CLOUDEVENTS_BATCH_JSON = "application/cloudevents-batch+json";
    static final String PROBLEM_JSON = "application/problem+json";

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

    /** One event (the batch media type has its own method, below). */
    @Override
    @POST
    @Consumes({ CLOUDEVENTS_JSON, MediaType.APPLICATION_JSON })
    @Produces({ MediaType.APPLICATION_JSON, PROBLEM_JSON })
    @RolesAllowed({ Roles.MEMBERSHIP_SERVICE, Roles.REVIEW_SERVICE })
    public Response receiveEvent(CloudEvent event) {
        EventService.Receipt receipt = events.receive(event);
        return Response.status(receipt.first() ? Status.CREATED : Status.OK)
                .entity(mapper.toApi(receipt.event()))
                .build();
    }

    /**
     * A CloudEvents JSON batch: the contract's {@code application/cloudevents-batch+json} body of
     * receiveEvent, read as a list. Stored whole or not at all.
     */
    @POST
    @Consumes(CLOUDEVENTS_BATCH_JSON)
    @Produces({ MediaType.APPLICATION_JSON, PROBLEM_JSON })
    @RolesAllowed({ Roles.MEMBERSHIP_SERVICE, Roles.REVIEW_SERVICE })
    public Response receiveEventBatch(@Valid @NotNull @Size(min = 1, max = 500) List<@Valid @NotNull CloudEvent> batch) {
        EventService.BatchReceipt receipt = events.receiveBatch(batch);
        return Response.status(Status.ACCEPTED)
                .entity(new ReceivedEventBatch(receipt.events(), receipt.received(), receipt.redelivered()))
                .build();
    }
}
