package org.clinicalsenate.membership.rest;

import java.net.URI;
import java.time.OffsetDateTime;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clinicalsenate.api.membership.SenatesApi;
import org.clinicalsenate.api.membership.model.SenateCreate;
import org.clinicalsenate.api.membership.model.SenatePage;
import org.clinicalsenate.api.membership.model.SenateUpdate;
import org.clinicalsenate.commons.cache.ReadCache;
import org.clinicalsenate.commons.http.ETags;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.page.PageLinks;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.membership.domain.Senate;
import org.clinicalsenate.membership.mapping.SenateMapper;
import org.clinicalsenate.membership.service.SenateService;

public class SenateResource implements SenatesApi {

    @Inject
    SenateService senates;

    @Inject
    SenateMapper mapper;

    @Context
    UriInfo uri;

    @Inject
    ReadCache cache;

    @Override
    @PermitAll
    public Response listSenates(Boolean active, OffsetDateTime updatedSince, Integer limit, String cursor) {
        return cache.page(null, uri, () -> {
            Page<org.clinicalsenate.api.membership.model.Senate> page = senates
                    .list(active, Times.instant(updatedSince), limit, cursor).map(mapper::toApi);
            return PageLinks.ok(new SenatePage(page.items()).nextCursor(page.nextCursor()), page.nextCursor(), uri);
        });
    }

    @Override
    @PermitAll
    public Response getSenate(String slug) {
        Senate senate = senates.get(slug);
        return Response.ok(mapper.toApi(senate)).header(HttpHeaders.ETAG, ETags.of(senate.version)).build();
    }

    @Override
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Response createSenate(SenateCreate senateCreate) {
        Senate senate = senates.create(senateCreate);
        return Response.created(URI.create("/senates/" + senate.slug))
                .entity(mapper.toApi(senate))
                .header(HttpHeaders.ETAG, ETags.of(senate.version))
                .build();
    }

    @Override
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.SENATE_ADMIN })
    public Response updateSenate(String slug, String ifMatch, SenateUpdate senateUpdate) {
        Senate senate = senates.update(slug, ifMatch, senateUpdate);
        return Response.ok(mapper.toApi(senate)).header(HttpHeaders.ETAG, ETags.of(senate.version)).build();
    }
}
