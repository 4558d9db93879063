package org.clinicalsenate.membership.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clinicalsenate.api.membership.MeetingDeclarationsApi;
import org.clinicalsenate.api.membership.model.MeetingDeclarationCreate;
import org.clinicalsenate.api.membership.model.MeetingDeclarationPage;
import org.clinicalsenate.commons.idempotency.Idempotency;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.page.PageLinks;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.membership.domain.MeetingDeclaration;
import org.clinicalsenate.membership.mapping.MeetingDeclarationMapper;
import org.clinicalsenate.membership.service.MeetingDeclarationService;

public class MeetingDeclarationResource implements MeetingDeclarationsApi {

    @Inject
    MeetingDeclarationService meetingDeclarations;

    @Inject
    MeetingDeclarationMapper mapper;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uri;

    /** A record has no URL of its own: it is read in its meeting's list, so the 201 carries no Location. */
    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN, Roles.REVIEW_SERVICE })
    public Response recordMeetingDeclaration(String meetingRef, MeetingDeclarationCreate meetingDeclarationCreate,
            String idempotencyKey) {
        // the meeting is part of the request: one key cannot record the same body at two meetings
        return idempotency.execute(idempotencyKey, "recordMeetingDeclaration", List.of(meetingRef, meetingDeclarationCreate),
                () -> {
                    MeetingDeclaration recorded = meetingDeclarations.record(meetingRef, meetingDeclarationCreate);
                    return Response.status(Response.Status.CREATED).entity(mapper.toApi(recorded)).build();
                });
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN, Roles.REVIEW_SERVICE })
    public Response listMeetingDeclarations(String meetingRef, Integer limit, String cursor) {
        return page(meetingDeclarations.listForMeeting(meetingRef, limit, cursor));
    }

    @Override
    @RolesAllowed({ Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response listMemberMeetingDeclarations(UUID memberId, Integer limit, String cursor) {
        return page(meetingDeclarations.listOfMember(memberId, limit, cursor));
    }

    private Response page(Page<MeetingDeclaration> records) {
        Page<org.clinicalsenate.api.membership.model.MeetingDeclaration> page = records.map(mapper::toApi);
        return PageLinks.ok(new MeetingDeclarationPage(page.items()).nextCursor(page.nextCursor()), page.nextCursor(), uri);
    }
}
