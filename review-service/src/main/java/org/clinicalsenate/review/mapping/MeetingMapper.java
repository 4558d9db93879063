package org.clinicalsenate.review.mapping;

import org.clinicalsenate.api.review.model.DeclarationAtMeetingCreate;
import org.clinicalsenate.api.review.model.MeetingAction;
import org.clinicalsenate.api.review.model.MeetingParticipant;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.commons.mapping.OpenEnums;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.review.domain.DeclarationAtMeeting;
import org.clinicalsenate.review.service.MeetingService.MeetingView;
import org.mapstruct.Mapper;

/** Meetings (their participants' clearance and attendance, the declarations made at them), to and from the contract. */
@Mapper(config = MappingDefaults.class)
public interface MeetingMapper {

    default org.clinicalsenate.api.review.model.Meeting toApi(MeetingView view) {
        var meeting = view.meeting();
        return new org.clinicalsenate.api.review.model.Meeting()
                .id(meeting.id)
                .adviceRequestId(meeting.adviceRequestId)
                .kind(meeting.kind.value())
                .startsAt(Times.utc(meeting.startsAt))
                .place(meeting.place)
                .siteOdsCode(meeting.siteOdsCode)
                .agenda(meeting.agenda)
                .status(meeting.status.value())
                .scheduledBy(meeting.scheduledBy)
                .scheduledAt(Times.utc(meeting.scheduledAt))
                .heldAt(Times.utc(meeting.heldAt))
                .participants(view.participants().stream().map(p -> new MeetingParticipant()
                        .memberId(p.memberId)
                        .name(p.name)
                        .role(org.clinicalsenate.api.review.model.PanelRole.fromValue(p.role.value()))
                        .clearance(PanelMapper.clearance(p.clearance))
                        .barred(p.barred)
                        .attendance(OpenEnums.value(p.attendance))
                        .attendanceRecordedBy(p.attendanceRecordedBy)
                        .attendanceRecordedAt(Times.utc(p.attendanceRecordedAt)))
                        .toList())
                .declarations(view.declarations().stream().map(this::toApi).toList());
    }

    default org.clinicalsenate.api.review.model.DeclarationAtMeeting toApi(DeclarationAtMeeting declared) {
        return new org.clinicalsenate.api.review.model.DeclarationAtMeeting()
                .id(declared.id)
                .memberId(declared.memberId)
                .interest(declared.interest)
                .declarationId(declared.declarationId)
                .action(MeetingAction.fromValue(declared.action))
                .agendaItem(declared.agendaItem)
                .recordedBy(declared.recordedBy)
                .recordedAt(Times.utc(declared.recordedAt));
    }

    default DeclarationAtMeeting toDomain(DeclarationAtMeetingCreate create) {
        DeclarationAtMeeting declared = new DeclarationAtMeeting();
        declared.memberId = create.getMemberId();
        declared.interest = create.getInterest();
        declared.declarationId = create.getDeclarationId();
        declared.action = create.getAction().toString();
        declared.agendaItem = create.getAgendaItem();
        return declared;
    }
}
