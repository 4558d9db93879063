package org.clinicalsenate.review.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.events.model.MeetingAttendanceRecorded;
import org.clinicalsenate.api.events.model.MeetingDeclarationRecorded;
import org.clinicalsenate.api.events.model.MeetingLinks;
import org.clinicalsenate.api.events.model.MeetingPanelRechecked;
import org.clinicalsenate.api.events.model.MeetingScheduled;
import org.clinicalsenate.api.membership.model.MeetingAction;
import org.clinicalsenate.api.membership.model.MeetingDeclarationCreate;
import org.clinicalsenate.api.membership.model.MemberConflicts;
import org.clinicalsenate.api.review.model.MeetingCreate;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.commons.outbox.Outbox;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.review.client.Membership;
import org.clinicalsenate.review.domain.AdviceRequest;
import org.clinicalsenate.review.domain.AdviceRequestAccess;
import org.clinicalsenate.review.domain.AdviceRequestStatus;
import org.clinicalsenate.review.domain.Attendance;
import org.clinicalsenate.review.domain.DeclarationAtMeeting;
import org.clinicalsenate.review.domain.Meeting;
import org.clinicalsenate.review.domain.MeetingKind;
import org.clinicalsenate.review.domain.MeetingParticipant;
import org.clinicalsenate.review.domain.PanelMember;
import org.clinicalsenate.review.repository.AdviceRequestRepository;
import org.clinicalsenate.review.repository.MeetingRepository;
import org.clinicalsenate.review.repository.PanelMemberRepository;

/**
 * The panel's meetings, site visits and interviews: scheduling one checks the whole panel again
 * (interests change) and bars a member the check no longer clears; the chair may resolve a bar for
 * the meeting; attendance; and the declarations made at its start, recorded first in
 * membership-service. Calls to membership are made before any transaction, so that a slow
 * membership holds no database connection and nothing is stored when it cannot answer.
 */
@ApplicationScoped
@Transactional
public class MeetingService {

    /** A meeting with its participants and the declarations made at it. */
    public record MeetingView(Meeting meeting, List<MeetingParticipant> participants,
            List<DeclarationAtMeeting> declarations) {
    }

    /** The panel's clearance, as membership's check answered it for each sitting member, before any transaction. */
    public record PanelCheck(Map<UUID, MemberConflicts> results) {
    }

    /** When a panel meets: once formed, until its evidence is complete. */
    private static final List<AdviceRequestStatus> MEETING = List.of(AdviceRequestStatus.PANEL_FORMED,
            AdviceRequestStatus.EVIDENCE_GATHERING);

    @Inject
    Clock clock;

    @Inject
    AdviceRequestService requests;

    @Inject
    PanelService panels;

    @Inject
    AdviceRequestRepository adviceRequests;

    @Inject
    MeetingRepository meetings;

    @Inject
    PanelMemberRepository panelMembers;

    @Inject
    Membership membership;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    /** The request's meetings, earliest first, for those who may read its panel (404 otherwise). */
    @Transactional(TxType.SUPPORTS)
    public List<MeetingView> list(UUID requestId) {
        AdviceRequest request = panels.readable(requestId);
        Map<UUID, List<MeetingParticipant>> participants = meetings.participants(request.id, null).stream()
                .collect(Collectors.groupingBy(p -> p.meetingId));
        Map<UUID, List<DeclarationAtMeeting>> declarations = meetings.declarations(request.id, null).stream()
                .collect(Collectors.groupingBy(d -> d.meetingId));
        return meetings.of(request.id).stream().map(m -> new MeetingView(m,
                participants.getOrDefault(m.id, List.of()), declarations.getOrDefault(m.id, List.of()))).toList();
    }

    @Transactional(TxType.SUPPORTS)
    public MeetingView get(UUID requestId, UUID meetingId) {
        return view(panels.readable(requestId), meetingId);
    }

    /**
     * What scheduling a meeting, or checking its panel again for {@code meetingId} (null when
     * scheduling), needs before any transaction: the caller decides for the senate, the panel meets
     * now, the meeting exists and is not held yet, and membership's check of every sitting member
     * (503 while membership cannot answer).
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public PanelCheck checkPanel(UUID requestId, UUID meetingId) {
        AdviceRequest request = requests.get(requestId);
        AdviceRequestAccess.of(caller).requireMayDecideFor(request.senate);
        requirePanelMeets(request);
        if (meetingId != null) {
            meeting(request, meetingId).requireNotHeld("check its panel again");
        }
        List<UUID> sitting = sitting(request.id).stream().map(m -> m.memberId).toList();
        return new PanelCheck(membership.conflicts(sitting, request.organisationsInScope, request.areaUnderReview)
                .orElseThrow(() -> ProblemException.conflict("membership-service no longer knows a member of the panel;"
                        + " the panel cannot be checked")));
    }

    /** Schedules the meeting with the panel as just checked; audited, with its event. */
    public MeetingView schedule(UUID requestId, MeetingKind kind, MeetingCreate create, PanelCheck check) {
        AdviceRequest request = changing(requestId);
        Instant now = Instant.now(clock);
        Meeting meeting = Meeting.schedule(request.id, kind, create.getStartsAt().toInstant(), create.getPlace(),
                create.getSiteOdsCode(), create.getAgenda(), caller.subject(), now);
        meetings.persist(meeting);
        for (PanelMember member : sitting(request.id)) {
            meetings.persist(MeetingParticipant.of(meeting.id, member, Membership.clearance(resultFor(check, member), now)));
        }
        meetings.flush();
        MeetingView view = view(request, meeting.id);
        outbox.publish(request.id.toString(), new MeetingScheduled().adviceRequestId(request.id).senate(request.senate)
                .meetingId(meeting.id).kind(meeting.kind.value()).startsAt(Times.utc(meeting.startsAt))
                .barred(barred(view)).links(links(request, meeting)));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("meetingId", meeting.id.toString());
        values.put("kind", meeting.kind.value());
        values.put("startsAt", meeting.startsAt.toString());
        values.put("place", meeting.place);
        values.put("siteOdsCode", meeting.siteOdsCode);
        values.put("agenda", meeting.agenda);
        values.put("clearance", clearance(view));
        audit.record("scheduled", Meeting.ENTITY_TYPE, request.id.toString(), request.senate, values);
        return view;
    }

    /**
     * Records the panel as just checked again, then the chair's overrides of bars for this meeting
     * (403 for anyone else; 422 for a member who is not barred); audited, with its event.
     */
    public MeetingView recheck(UUID requestId, UUID meetingId, PanelCheck check, Map<UUID, String> overrides) {
        AdviceRequest request = changing(requestId);
        if (!overrides.isEmpty() && !AdviceRequestAccess.of(caller).chairs(request.senate)) {
            throw ProblemException.forbidden("Only the chair of senate " + request.senate + " overrides a bar");
        }
        Meeting meeting = meeting(request, meetingId);
        meeting.requireNotHeld("check its panel again");
        Instant now = Instant.now(clock);
        Map<UUID, PanelMember> onPanel = sitting(request.id).stream()
                .collect(Collectors.toMap(m -> m.memberId, Function.identity()));
        List<MeetingParticipant> participants = meetings.participants(request.id, meeting.id);
        for (MeetingParticipant participant : participants) {
            PanelMember member = onPanel.get(participant.memberId);
            participant.checked(Membership.clearance(resultFor(check, member), now), member);
        }
        overrides.forEach((memberId, justification) -> participants.stream()
                .filter(p -> p.memberId.equals(memberId)).findFirst()
                .orElseThrow(() -> ProblemException.ruleViolated("overrides", "names " + memberId
                        + ", who is not on the panel"))
                .override(justification, caller.subject(), now));
        meetings.flush();
        MeetingView view = view(request, meeting.id);
        outbox.publish(request.id.toString(), new MeetingPanelRechecked().adviceRequestId(request.id)
                .senate(request.senate).meetingId(meeting.id).barred(barred(view)).links(links(request, meeting)));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("meetingId", meeting.id.toString());
        values.put("clearance", clearance(view));
        values.put("overrides", overrides.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)));
        audit.record("panel-rechecked", Meeting.ENTITY_TYPE, request.id.toString(), request.senate, values);
        return view;
    }

    /**
     * Records a declaration made at the start of the meeting in membership-service, before any
     * transaction (its id and time are membership's); {@link #store} then keeps it with the meeting.
     * The key sent to membership is derived from the meeting and the declaration, so sending it
     * again records it once, there and here.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public DeclarationAtMeeting recordInMembership(UUID requestId, UUID meetingId, DeclarationAtMeeting declared) {
        AdviceRequest request = requests.get(requestId);
        AdviceRequestAccess.of(caller).requireMayDecideFor(request.senate);
        requirePanelMeets(request);
        Meeting meeting = meeting(request, meetingId);
        meeting.requireDayReached(today(), clock.getZone(), "record declarations made at the meeting");
        meeting.requireOnAgenda(declared.agendaItem);
        if (meetings.participant(meeting.id, declared.memberId).isEmpty()) {
            throw ProblemException.ruleViolated("memberId", "is not on the panel at this meeting (" + declared.memberId
                    + ")");
        }
        MeetingDeclarationCreate create = new MeetingDeclarationCreate()
                .meetingKind(org.clinicalsenate.api.membership.model.MeetingKind.fromValue(meeting.kind.membershipValue()))
                .senate(request.senate)
                .memberId(declared.memberId)
                .interest(declared.interest)
                .declarationId(declared.declarationId)
                .action(MeetingAction.fromValue(declared.action))
                .agendaItem(declared.agendaItem);
        String key = UUID.nameUUIDFromBytes(String.join("|", meeting.id.toString(), declared.memberId.toString(),
                declared.interest, Objects.toString(declared.declarationId, ""), declared.action,
                Objects.toString(declared.agendaItem, "")).getBytes(StandardCharsets.UTF_8)).toString();
        org.clinicalsenate.api.membership.model.MeetingDeclaration recorded = membership
                .recordMeetingDeclaration(meeting.id.toString(), create, key)
                .orElseThrow(() -> ProblemException.ruleViolated(declared.declarationId == null ? "memberId"
                        : "declarationId", "is refused by membership-service: the member, or the declaration as"
                                + " one of theirs, is not known there"));
        declared.id = recorded.getId();
        declared.meetingId = meeting.id;
        declared.recordedBy = recorded.getRecordedBy();
        declared.recordedAt = recorded.getRecordedAt().toInstant();
        return declared;
    }

    /** Stores the declaration membership recorded (once: a retry finds it stored); audited, with its event. */
    public DeclarationAtMeeting store(UUID requestId, UUID meetingId, DeclarationAtMeeting declared) {
        AdviceRequest request = changing(requestId);
        Meeting meeting = meeting(request, meetingId);
        return meetings.declaration(declared.id).orElseGet(() -> {
            meetings.persist(declared);
            outbox.publish(request.id.toString(), new MeetingDeclarationRecorded().adviceRequestId(request.id)
                    .senate(request.senate).meetingId(meeting.id).memberId(declared.memberId)
                    .declarationId(declared.id).links(links(request, meeting)));
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("meetingId", meeting.id.toString());
            values.put("memberId", declared.memberId.toString());
            values.put("interest", declared.interest);
            values.put("declarationId", Objects.toString(declared.declarationId, null));
            values.put("action", declared.action);
            values.put("agendaItem", declared.agendaItem);
            audit.record("declaration-recorded", Meeting.ENTITY_TYPE, request.id.toString(), request.senate, values);
            meetings.flush();
            return declared;
        });
    }

    /**
     * Records a panel member's attendance: the senate's admins and chairs for anyone, a member for
     * themself. Attended or absent from the meeting's day; a barred member cannot attend. The first
     * attendance makes the meeting held.
     */
    public MeetingView attendance(UUID requestId, UUID meetingId, UUID memberId, Attendance attendance) {
        // the members of its panel read the request too; it is locked like any request changed
        AdviceRequest request = panels.readable(requestId);
        adviceRequests.getEntityManager().lock(request, LockModeType.PESSIMISTIC_WRITE);
        boolean self = caller.memberId().filter(memberId.toString()::equals).isPresent();
        if (!self) {
            AdviceRequestAccess.of(caller).requireMayDecideFor(request.senate);
        }
        requirePanelMeets(request);
        Meeting meeting = meeting(request, meetingId);
        if (attendance != Attendance.APOLOGIES) {
            meeting.requireDayReached(today(), clock.getZone(), "record who attended or was absent");
        }
        MeetingParticipant participant = meetings.participant(meeting.id, memberId).orElseThrow(
                () -> ProblemException.ruleViolated("memberId", "is not on the panel at this meeting (" + memberId + ")"));
        Instant now = Instant.now(clock);
        participant.record(attendance, caller.subject(), now);
        if (attendance == Attendance.ATTENDED) {
            meeting.attended(now);
        }
        meetings.flush();
        outbox.publish(request.id.toString(), new MeetingAttendanceRecorded().adviceRequestId(request.id)
                .senate(request.senate).meetingId(meeting.id).memberId(memberId).attendance(attendance.value())
                .meetingStatus(meeting.status.value()).links(links(request, meeting)));
        audit.record("attendance-recorded", Meeting.ENTITY_TYPE, request.id.toString(), request.senate,
                Map.of("meetingId", meeting.id.toString(), "memberId", memberId.toString(),
                        "attendance", attendance.value()));
        return view(request, meeting.id);
    }

    /** The request, locked for a change by its senate's admins and chairs, while its panel meets. */
    private AdviceRequest changing(UUID requestId) {
        AdviceRequest request = requests.lockForChange(requestId, null, false);
        AdviceRequestAccess.of(caller).requireMayDecideFor(request.senate);
        requirePanelMeets(request);
        return request;
    }

    /** A 409 problem unless the request's panel holds meetings now. */
    private static void requirePanelMeets(AdviceRequest request) {
        request.status.requireIn(MEETING, "hold meetings of its panel");
    }

    private Meeting meeting(AdviceRequest request, UUID meetingId) {
        return meetings.of(request.id, meetingId)
                .orElseThrow(() -> ProblemException.notFound("No meeting " + meetingId + " of advice request " + request.id));
    }

    private MeetingView view(AdviceRequest request, UUID meetingId) {
        return new MeetingView(meeting(request, meetingId), meetings.participants(request.id, meetingId),
                meetings.declarations(request.id, meetingId));
    }

    /** The panel members who sit: those who have not declined. */
    private List<PanelMember> sitting(UUID requestId) {
        return panelMembers.panel(requestId).stream().filter(m -> !m.declined()).toList();
    }

    /** The check's answer for a member; the panel changed since the check when there is none (409, send again). */
    private static MemberConflicts resultFor(PanelCheck check, PanelMember member) {
        MemberConflicts result = member == null ? null : check.results().get(member.memberId);
        if (result == null) {
            throw ProblemException.conflict("The panel changed while it was being checked; send the request again");
        }
        return result;
    }

    private static int barred(MeetingView view) {
        return (int) view.participants().stream().filter(p -> p.barred).count();
    }

    /** What the audit keeps of the panel's clearance for a meeting: each member's outcome and bar. */
    private static List<Map<String, Object>> clearance(MeetingView view) {
        return view.participants().stream().map(p -> Map.<String, Object>of("memberId", p.memberId.toString(),
                "outcome", p.clearance.outcome, "barred", p.barred)).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static MeetingLinks links(AdviceRequest request, Meeting meeting) {
        String self = "/advice-requests/" + request.id;
        return new MeetingLinks().self(self + "/meetings/" + meeting.id).adviceRequest(self);
    }
}
