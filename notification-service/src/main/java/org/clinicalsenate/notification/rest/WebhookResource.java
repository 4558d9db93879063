package org.clinicalsenate.notification.rest;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

import org.clinicalsenate.api.notification.WebhooksApi;
import org.clinicalsenate.api.notification.model.EventTypeList;
import org.clinicalsenate.api.notification.model.WebhookAttemptPage;
import org.clinicalsenate.api.notification.model.WebhookEndpointCreated;
import org.clinicalsenate.api.notification.model.WebhookEndpointFields;
import org.clinicalsenate.api.notification.model.WebhookEndpointPage;
import org.clinicalsenate.api.notification.model.WebhookMessagePage;
import org.clinicalsenate.api.notification.model.WebhookRecovery;
import org.clinicalsenate.api.notification.model.WebhookRecoveryResult;
import org.clinicalsenate.api.notification.model.WebhookSecret;
import org.clinicalsenate.commons.http.ETags;
import org.clinicalsenate.commons.idempotency.Idempotency;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.page.PageLinks;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.notification.domain.WebhookEndpoint;
import org.clinicalsenate.notification.domain.WebhookEndpoint.Subscription;
import org.clinicalsenate.notification.mapping.WebhookMapper;
import org.clinicalsenate.notification.service.EventTypes;
import org.clinicalsenate.notification.service.WebhookEndpoints;

public class WebhookResource implements WebhooksApi {

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    EventTypes eventTypes;

    @Inject
    WebhookMapper mapper;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @Override
    @PermitAll
    public Response listEventTypes() {
        return Response.ok(new EventTypeList(eventTypes.all())).build();
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.ASSURANCE_VIEWER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response createWebhookEndpoint(WebhookEndpointFields fields, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "createWebhookEndpoint", fields, () -> {
            WebhookEndpoint endpoint = endpoints.register(subscription(fields));
            return Response.created(URI.create("/webhook-endpoints/" + endpoint.id))
                    .header(HttpHeaders.ETAG, ETags.of(endpoint.version))
                    .entity(new WebhookEndpointCreated(mapper.toApi(endpoint, now()), endpoint.secret()))
                    .build();
        });
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.ASSURANCE_VIEWER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response listWebhookEndpoints(Integer limit, String cursor) {
        Instant now = now();
        Page<org.clinicalsenate.api.notification.model.WebhookEndpoint> page = endpoints.list(limit, cursor)
                .map(e -> mapper.toApi(e, now));
        return PageLinks.ok(new WebhookEndpointPage(page.items()).nextCursor(page.nextCursor()), page.nextCursor(), uri);
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.ASSURANCE_VIEWER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response getWebhookEndpoint(UUID endpointId) {
        return ok(endpoints.get(endpointId));
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.ASSURANCE_VIEWER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response updateWebhookEndpoint(UUID endpointId, String ifMatch, WebhookEndpointFields fields) {
        return ok(endpoints.change(endpointId, ifMatch, subscription(fields)));
    }

    /**
     * The generated method produces problems only (a 204 has no body), which would refuse a client
     * that accepts JSON with a 406: it is declared again, producing JSON too.
     */
    @Override
    @DELETE
    @Path("/webhook-endpoints/{endpointId}")
    @Produces({ MediaType.APPLICATION_JSON, "application/problem+json" })
    @RolesAllowed({ Roles.REQUESTER, Roles.ASSURANCE_VIEWER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response deleteWebhookEndpoint(@PathParam("endpointId") UUID endpointId,
            @HeaderParam("If-Match") String ifMatch) {
        endpoints.delete(endpointId, ifMatch);
        return Response.noContent().build();
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.ASSURANCE_VIEWER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response disableWebhookEndpoint(UUID endpointId) {
        return ok(endpoints.disable(endpointId));
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.ASSURANCE_VIEWER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response enableWebhookEndpoint(UUID endpointId) {
        return ok(endpoints.enable(endpointId));
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.ASSURANCE_VIEWER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response rotateWebhookEndpointSecret(UUID endpointId) {
        WebhookEndpoint endpoint = endpoints.rotateSecret(endpointId);
        return Response.ok(new WebhookSecret(endpoint.secret())
                .previousSecretExpiresAt(Times.utc(endpoint.previousSecretExpiresAt))).build();
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.ASSURANCE_VIEWER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response pingWebhookEndpoint(UUID endpointId) {
        return Response.status(Status.ACCEPTED).entity(mapper.toApi(endpoints.ping(endpointId))).build();
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.ASSURANCE_VIEWER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response listWebhookMessages(UUID endpointId, Boolean failed, OffsetDateTime since, Integer limit,
            String cursor) {
        Page<org.clinicalsenate.api.notification.model.WebhookMessage> page = endpoints
                .messages(endpointId, failed, since, limit, cursor).map(mapper::toApi);
        return PageLinks.ok(new WebhookMessagePage(page.items()).nextCursor(page.nextCursor()), page.nextCursor(), uri);
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.ASSURANCE_VIEWER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response replayWebhookMessage(UUID endpointId, UUID messageId) {
        return Response.status(Status.ACCEPTED).entity(mapper.toApi(endpoints.replay(endpointId, messageId))).build();
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.ASSURANCE_VIEWER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response recoverWebhookMessages(UUID endpointId, WebhookRecovery recovery) {
        int requeued = endpoints.recover(endpointId, recovery.getSince());
        return Response.status(Status.ACCEPTED)
                .entity(new WebhookRecoveryResult(Times.utc(recovery.getSince().toInstant()), requeued)).build();
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.ASSURANCE_VIEWER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response listWebhookAttempts(UUID endpointId, Boolean failed, OffsetDateTime since, UUID messageId,
            Integer limit, String cursor) {
        Page<org.clinicalsenate.api.notification.model.WebhookAttempt> page = endpoints
                .attempts(endpointId, failed, since, messageId, limit, cursor).map(mapper::toApi);
        return PageLinks.ok(new WebhookAttemptPage(page.items()).nextCursor(page.nextCursor()), page.nextCursor(), uri);
    }

    private Response ok(WebhookEndpoint endpoint) {
        return Response.ok(mapper.toApi(endpoint, now())).header(HttpHeaders.ETAG, ETags.of(endpoint.version)).build();
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static Subscription subscription(WebhookEndpointFields fields) {
        return new Subscription(fields.getUrl(), fields.getDescription(),
                fields.getEventTypes() == null ? java.util.Set.of() : fields.getEventTypes(),
                fields.getSenates() == null ? java.util.Set.of() : fields.getSenates());
    }
}
