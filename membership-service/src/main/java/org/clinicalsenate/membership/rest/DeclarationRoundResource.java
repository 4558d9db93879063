package org.clinicalsenate.membership.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clinicalsenate.api.membership.DeclarationRoundsApi;
import org.clinicalsenate.api.membership.model.DeclarationRoundCreate;
import org.clinicalsenate.api.membership.model.DeclarationRoundPage;
import org.clinicalsenate.api.membership.model.RoundMemberPage;
import org.clinicalsenate.commons.idempotency.Idempotency;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.page.PageLinks;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.membership.mapping.DeclarationRoundMapper;
import org.clinicalsenate.membership.service.DeclarationRoundService;
import org.clinicalsenate.membership.service.DeclarationRoundService.RoundView;

public class DeclarationRoundResource implements DeclarationRoundsApi {

    @Inject
    DeclarationRoundService rounds;

    @Inject
    DeclarationRoundMapper mapper;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response openDeclarationRound(String slug, DeclarationRoundCreate declarationRoundCreate, String idempotencyKey) {
        // the senate is part of the request: one key cannot open the same year for two senates
        return idempotency.execute(idempotencyKey, "openDeclarationRound", List.of(slug, declarationRoundCreate), () -> {
            RoundView opened = rounds.open(slug, declarationRoundCreate);
            return Response.created(URI.create("/declaration-rounds/" + opened.round().id))
                    .entity(mapper.toApi(opened))
                    .build();
        });
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.ASSURANCE_VIEWER, Roles.PLATFORM_ADMIN })
    public Response listDeclarationRounds(String slug, Integer limit, String cursor) {
        Page<org.clinicalsenate.api.membership.model.DeclarationRound> page = rounds.list(slug, limit, cursor)
                .map(mapper::toApi);
        return PageLinks.ok(new DeclarationRoundPage(page.items()).nextCursor(page.nextCursor()), page.nextCursor(), uri);
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.ASSURANCE_VIEWER, Roles.PLATFORM_ADMIN })
    public Response getDeclarationRound(UUID roundId) {
        return Response.ok(mapper.toApi(rounds.get(roundId))).build();
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.ASSURANCE_VIEWER, Roles.PLATFORM_ADMIN })
    public Response listDeclarationRoundMembers(UUID roundId, String status, Integer limit, String cursor) {
        Page<org.clinicalsenate.api.membership.model.RoundMember> page = rounds
                .members(roundId, mapper.returnStatus(status), limit, cursor).map(mapper::toApi);
        return PageLinks.ok(new RoundMemberPage(page.items()).nextCursor(page.nextCursor()), page.nextCursor(), uri);
    }
}
