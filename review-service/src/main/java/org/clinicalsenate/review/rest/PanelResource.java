package org.clinicalsenate.review.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.clinicalsenate.api.review.ExpertReviewPanelApi;
import org.clinicalsenate.api.review.model.PanelInvitationResponse;
import org.clinicalsenate.api.review.model.PanelMemberCreate;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.review.mapping.PanelMapper;
import org.clinicalsenate.review.service.PanelService;
import org.clinicalsenate.review.service.PanelService.Candidate;

public class PanelResource implements ExpertReviewPanelApi {

    @Inject
    PanelService panels;

    @Inject
    PanelMapper mapper;

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response getPanel(UUID id) {
        return Response.ok(mapper.toApi(panels.panel(id))).build();
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response addPanelMember(UUID id, PanelMemberCreate panelMemberCreate) {
        // the conflict check runs first, outside the transaction that adds the member
        Candidate candidate = panels.check(id, panelMemberCreate.getMemberId(),
                mapper.toDomain(panelMemberCreate.getRole()), panelMemberCreate.getOverrideJustification());
        return Response.status(Response.Status.CREATED).entity(mapper.toApi(panels.add(id, candidate))).build();
    }

    @Override
    @RolesAllowed(Roles.MEMBER)
    public Response respondToPanelInvitation(UUID id, UUID memberId, PanelInvitationResponse response) {
        return Response.ok(mapper.toApi(panels.respond(id, memberId, response.getAccept()))).build();
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response formPanel(UUID id) {
        return Response.ok(mapper.toApi(panels.form(id))).build();
    }
}
