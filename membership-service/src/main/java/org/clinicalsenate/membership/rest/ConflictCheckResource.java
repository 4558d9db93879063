package org.clinicalsenate.membership.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.clinicalsenate.api.membership.ConflictChecksApi;
import org.clinicalsenate.api.membership.model.ConflictCheckRequest;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.membership.mapping.ConflictCheckMapper;
import org.clinicalsenate.membership.service.ConflictCheckService;

public class ConflictCheckResource implements ConflictChecksApi {

    @Inject
    ConflictCheckService checks;

    @Inject
    ConflictCheckMapper mapper;

    @Override
    @RolesAllowed({ Roles.REVIEW_SERVICE, Roles.PLATFORM_ADMIN, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR })
    public Response checkConflicts(ConflictCheckRequest request) {
        return Response.ok(mapper.toApi(checks.check(List.copyOf(request.getMemberIds()), request.getOrganisations(),
                request.getArea(), request.getDate()))).build();
    }
}
