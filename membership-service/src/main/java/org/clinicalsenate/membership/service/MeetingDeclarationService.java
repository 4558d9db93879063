package org.clinicalsenate.membership.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.membership.model.MeetingDeclarationCreate;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.page.Keyset;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.membership.domain.Declaration;
import org.clinicalsenate.membership.domain.MeetingDeclaration;
import org.clinicalsenate.membership.domain.Member;
import org.clinicalsenate.membership.mapping.MeetingDeclarationMapper;
import org.clinicalsenate.membership.repository.DeclarationRepository;
import org.clinicalsenate.membership.repository.MeetingDeclarationRepository;
import org.clinicalsenate.membership.repository.MemberRepository;
import org.clinicalsenate.membership.repository.SenateRepository;

/**
 * Interests declared at the start of meetings and site visits, recorded by the meeting's senate
 * (or by review-service for its panels), listed per meeting and per member in the order recorded.
 */
@ApplicationScoped
@Transactional
public class MeetingDeclarationService {

    @Inject
    Clock clock;

    @Inject
    MeetingDeclarationRepository declarations;

    @Inject
    SenateRepository senates;

    @Inject
    MemberRepository memberRecords;

    @Inject
    DeclarationRepository memberDeclarations;

    @Inject
    MeetingDeclarationMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    MemberLookup members;

    public MeetingDeclaration record(String meetingRef, MeetingDeclarationCreate request) {
        if (senates.findByIdOptional(request.getSenate()).isEmpty()) {
            throw ProblemException.ruleViolated("senate", "names an unknown senate '" + request.getSenate() + "'");
        }
        if (!seesAllMeetings()) {
            caller.requireAdministers(request.getSenate());
        }
        Member member = memberRecords.findById(request.getMemberId());
        // an admin records for the members of their senates only; others' are unknown to them
        if (member == null || !(seesAllMeetings() || caller.administers(member.senate))) {
            throw ProblemException.ruleViolated("memberId", "names no member known to you (" + request.getMemberId() + ")");
        }
        if (request.getDeclarationId() != null) {
            Declaration declaration = memberDeclarations.findById(request.getDeclarationId());
            if (declaration == null || !declaration.memberId.equals(request.getMemberId())) {
                throw ProblemException.ruleViolated("declarationId", "is not one of the member's declarations");
            }
        }
        MeetingDeclaration declaration = mapper.toEntity(request);
        declaration.record(meetingRef, caller.subject(), Instant.now(clock));
        declarations.persistAndFlush(declaration);
        audit.record("recorded", MeetingDeclaration.ENTITY_TYPE, declaration.id.toString(), declaration.senate,
                snapshot(declaration));
        return declaration;
    }

    /** In the order recorded; an admin sees only the records of their senates under that reference. */
    @Transactional(TxType.SUPPORTS)
    public Page<MeetingDeclaration> listForMeeting(String meetingRef, Integer limit, String cursor) {
        Keyset<MeetingDeclaration, MeetingDeclaration> list = Keyset.over(declarations, "meeting-declarations")
                .filter("meetingRef = :meeting", "meeting", meetingRef);
        if (!seesAllMeetings()) {
            if (caller.senates().isEmpty()) {
                return Page.empty();
            }
            list.where("senate in :senates").param("senates", List.copyOf(caller.senates()));
        }
        return inRecordedOrder(list).page(limit, cursor);
    }

    /** In the order recorded; for the member themself and the admins of their senate. */
    @Transactional(TxType.SUPPORTS)
    public Page<MeetingDeclaration> listOfMember(UUID memberId, Integer limit, String cursor) {
        members.visible(memberId);
        return inRecordedOrder(Keyset.over(declarations, "member-meeting-declarations")
                .filter("memberId = :member", "member", memberId)).page(limit, cursor);
    }

    private static Keyset<MeetingDeclaration, MeetingDeclaration> inRecordedOrder(
            Keyset<MeetingDeclaration, MeetingDeclaration> list) {
        return list.orderBy(Keyset.Order.ASCENDING,
                Keyset.key("recordedAt", Instant.class, (MeetingDeclaration d) -> d.recordedAt),
                Keyset.key("id", UUID.class, (MeetingDeclaration d) -> d.id));
    }

    /** Platform-admins, and services (review-service records and reads its panel meetings, whatever the senate). */
    private boolean seesAllMeetings() {
        return caller.isPlatformAdmin() || caller.isService();
    }

    private static Map<String, Object> snapshot(MeetingDeclaration d) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("meetingRef", d.meetingRef);
        values.put("meetingKind", d.meetingKind.value());
        values.put("memberId", d.memberId.toString());
        values.put("declarationId", d.declarationId == null ? null : d.declarationId.toString());
        values.put("interest", d.interest);
        values.put("action", d.action.value());
        values.put("agendaItem", d.agendaItem);
        return values;
    }
}
