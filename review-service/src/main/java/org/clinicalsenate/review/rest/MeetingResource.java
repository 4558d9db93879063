package org.clinicalsenate.review.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.clinicalsenate.api.review.MeetingsApi;
import org.clinicalsenate.api.review.model.AttendanceUpdate;
import org.clinicalsenate.api.review.model.DeclarationAtMeetingCreate;
import org.clinicalsenate.api.review.model.MeetingClearanceCheck;
import org.clinicalsenate.api.review.model.MeetingCreate;
import org.clinicalsenate.api.review.model.MeetingList;
import org.clinicalsenate.api.review.model.MeetingOverride;
import org.clinicalsenate.commons.mapping.OpenEnums;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.review.domain.Attendance;
import org.clinicalsenate.review.domain.DeclarationAtMeeting;
import org.clinicalsenate.review.domain.MeetingKind;
import org.clinicalsenate.review.mapping.MeetingMapper;
import org.clinicalsenate.review.service.MeetingService;
import org.clinicalsenate.review.service.MeetingService.MeetingView;
import org.clinicalsenate.review.service.MeetingService.PanelCheck;

public class MeetingResource implements MeetingsApi {

    @Inject
    MeetingService meetings;

    @Inject
    MeetingMapper mapper;

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response listMeetings(UUID id) {
        return Response.ok(new MeetingList(meetings.list(id).stream().map(mapper::toApi).toList())).build();
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response getMeeting(UUID id, UUID meetingId) {
        return Response.ok(mapper.toApi(meetings.get(id, meetingId))).build();
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response scheduleMeeting(UUID id, MeetingCreate meetingCreate) {
        MeetingKind kind = OpenEnums.parse(MeetingKind.class, "kind", meetingCreate.getKind());
        // the panel is checked first, outside the transaction that schedules the meeting
        PanelCheck check = meetings.checkPanel(id, null);
        MeetingView scheduled = meetings.schedule(id, kind, meetingCreate, check);
        return Response.created(URI.create("/advice-requests/" + id + "/meetings/" + scheduled.meeting().id))
                .entity(mapper.toApi(scheduled)).build();
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response recheckMeetingPanel(UUID id, UUID meetingId, MeetingClearanceCheck meetingClearanceCheck) {
        Map<UUID, String> overrides = new LinkedHashMap<>();
        for (MeetingOverride override : meetingClearanceCheck.getOverrides()) {
            if (overrides.put(override.getMemberId(), override.getJustification()) != null) {
                throw ProblemException.ruleViolated("overrides", "names " + override.getMemberId() + " twice");
            }
        }
        PanelCheck check = meetings.checkPanel(id, meetingId);
        return Response.ok(mapper.toApi(meetings.recheck(id, meetingId, check, overrides))).build();
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response recordDeclarationAtMeeting(UUID id, UUID meetingId, DeclarationAtMeetingCreate declarationAtMeetingCreate) {
        // recorded in membership-service first, outside the transaction that keeps it with the meeting
        DeclarationAtMeeting recorded = meetings.recordInMembership(id, meetingId,
                mapper.toDomain(declarationAtMeetingCreate));
        return Response.status(Response.Status.CREATED).entity(mapper.toApi(meetings.store(id, meetingId, recorded)))
                .build();
    }

    @Override
    @RolesAllowed({ Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response recordAttendance(UUID id, UUID meetingId, AttendanceUpdate attendanceUpdate) {
        Attendance attendance = OpenEnums.parse(Attendance.class, "attendance", attendanceUpdate.getAttendance().toString());
        return Response.ok(mapper.toApi(meetings.attendance(id, meetingId, attendanceUpdate.getMemberId(), attendance)))
                .build();
    }
}
