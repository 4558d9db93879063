package org.clinicalsenate.review.rest;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clinicalsenate.api.review.AdviceRequestsApi;
import org.clinicalsenate.api.review.model.AdviceRequestCreate;
import org.clinicalsenate.api.review.model.AdviceRequestTriage;
import org.clinicalsenate.api.review.model.AdviceRequestUpdate;
import org.clinicalsenate.api.review.model.AdviceRequestWithdrawal;
import org.clinicalsenate.api.review.model.AdviceRequestPage;
import org.clinicalsenate.commons.cache.ReadCache;
import org.clinicalsenate.commons.http.ETags;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.commons.idempotency.Idempotency;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.page.PageLinks;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.review.domain.AdviceRequest;
import org.clinicalsenate.review.domain.AdviceRequestAccess;
import org.clinicalsenate.review.domain.Triage;
import org.clinicalsenate.review.mapping.AdviceRequestMapper;
import org.clinicalsenate.review.service.AdviceRequestService;
import org.clinicalsenate.review.service.PanelService;

public class AdviceRequestResource implements AdviceRequestsApi {

    @Inject
    AdviceRequestService requests;

    @Inject
    PanelService panels;

    @Inject
    AdviceRequestMapper mapper;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uri;

    @Inject
    ReadCache cache;

    @Inject
    Caller caller;

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response createAdviceRequest(AdviceRequestCreate adviceRequestCreate, String idempotencyKey) {
        requests.precheck(adviceRequestCreate);
        return idempotency.execute(idempotencyKey, "createAdviceRequest", adviceRequestCreate, () -> {
            AdviceRequest advice = requests.create(adviceRequestCreate);
            return Response.created(URI.create("/advice-requests/" + advice.id))
                    .entity(mapper.toApi(advice, AdviceRequestAccess.of(caller)))
                    .header(HttpHeaders.ETAG, ETags.of(advice.version))
                    .build();
        });
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response getAdviceRequest(UUID id) {
        // the members of its panel read it too
        return ok(panels.readable(id));
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response updateAdviceRequest(UUID id, String ifMatch, AdviceRequestUpdate adviceRequestUpdate) {
        return ok(requests.update(id, ifMatch, adviceRequestUpdate));
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response triageAdviceRequest(UUID id, AdviceRequestTriage adviceRequestTriage, String ifMatch) {
        Triage triage = mapper.toDomain(adviceRequestTriage);
        requests.precheck(id, triage);
        return ok(requests.triage(id, ifMatch, triage));
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response withdrawAdviceRequest(UUID id, AdviceRequestWithdrawal adviceRequestWithdrawal, String ifMatch) {
        return ok(requests.withdraw(id, ifMatch, adviceRequestWithdrawal.getReason()));
    }

    private Response ok(AdviceRequest advice) {
        return Response.ok(mapper.toApi(advice, AdviceRequestAccess.of(caller)))
                .header(HttpHeaders.ETAG, ETags.of(advice.version)).build();
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response listAdviceRequests(String senate, String status, OffsetDateTime updatedSince,
            Integer limit, String cursor) {
        return cache.page(senate, uri, () -> {
            Page<org.clinicalsenate.api.review.model.AdviceRequest> page = requests
                    .list(senate, mapper.status(status), Times.instant(updatedSince), limit, cursor).map(mapper::toApi);
            return PageLinks.ok(new AdviceRequestPage(page.items()).nextCursor(page.nextCursor()), page.nextCursor(),
                    uri);
        });
    }
}
