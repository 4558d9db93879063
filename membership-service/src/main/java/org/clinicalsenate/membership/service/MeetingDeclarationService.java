package org.clinicalsenate.membership.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.membership.model.MeetingDeclarationCreate;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.page.Cursor;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.membership.domain.Declaration;
import org.clinicalsenate.membership.domain.MeetingDeclaration;
import org.clinicalsenate.membership.domain.Member;
import org.clinicalsenate.membership.domain.Senate;
import org.clinicalsenate.membership.mapping.MeetingDeclarationMapper;

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
    EntityManager em;

    @Inject
    MeetingDeclarationMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    MemberLookup members;

    public MeetingDeclaration record(String meetingRef, MeetingDeclarationCreate request) {
        if (em.find(Senate.class, request.getSenate()) == null) {
            throw ProblemException.ruleViolated("senate", "names an unknown senate '" + request.getSenate() + "'");
        }
        if (!seesAllMeetings()) {
            caller.requireAdministers(request.getSenate());
        }
        Member member = em.find(Member.class, request.getMemberId());
        // an admin records for the members of their senates only; others' are unknown to them
        if (member == null || !(seesAllMeetings() || caller.administers(member.senate))) {
            throw ProblemException.ruleViolated("memberId", "names no member known to you (" + request.getMemberId() + ")");
        }
        if (request.getDeclarationId() != null) {
            Declaration declaration = em.find(Declaration.class, request.getDeclarationId());
            if (declaration == null || !declaration.memberId.equals(request.getMemberId())) {
                throw ProblemException.ruleViolated("declarationId", "is not one of the member's declarations");
            }
        }
        MeetingDeclaration declaration = mapper.toEntity(request);
        declaration.record(meetingRef, caller.subject(), Instant.now(clock));
        em.persist(declaration);
        em.flush();
        audit.record("recorded", MeetingDeclaration.ENTITY_TYPE, declaration.id.toString(), declaration.senate,
                snapshot(declaration));
        return declaration;
    }

    /** In the order recorded; an admin sees only the records of their senates under that reference. */
    @Transactional(TxType.SUPPORTS)
    public Page<MeetingDeclaration> listForMeeting(String meetingRef, Integer requestedLimit, String cursor) {
        List<String> senates = seesAllMeetings() ? null : new ArrayList<>(caller.senates());
        if (senates != null && senates.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        return page("d.meetingRef = :key" + (senates == null ? "" : " and d.senate in :senates"), meetingRef, senates,
                requestedLimit, cursor);
    }

    /** In the order recorded; for the member themself and the admins of their senate. */
    @Transactional(TxType.SUPPORTS)
    public Page<MeetingDeclaration> listOfMember(UUID memberId, Integer requestedLimit, String cursor) {
        members.visible(memberId);
        return page("d.memberId = :key", memberId, null, requestedLimit, cursor);
    }

    /** Keyset-paginated by (recordedAt, id) within one meeting or one member. */
    private Page<MeetingDeclaration> page(String where, Object key, List<String> senates, Integer requestedLimit,
            String cursor) {
        int limit = Page.limit(requestedLimit);
        List<String> after = Cursor.decode(cursor, 2);
        StringBuilder jpql = new StringBuilder("from MeetingDeclaration d where ").append(where);
        if (!after.isEmpty()) {
            jpql.append(" and (d.recordedAt, d.id) > (:afterRecordedAt, :afterId)");
        }
        TypedQuery<MeetingDeclaration> query = em.createQuery(jpql.append(" order by d.recordedAt, d.id").toString(),
                MeetingDeclaration.class)
                .setParameter("key", key)
                .setMaxResults(limit + 1);
        if (senates != null) {
            query.setParameter("senates", senates);
        }
        if (!after.isEmpty()) {
            query.setParameter("afterRecordedAt", Cursor.asInstant(after.get(0)));
            query.setParameter("afterId", Cursor.asUuid(after.get(1)));
        }
        return Page.of(query.getResultList(), limit, d -> Cursor.encode(d.recordedAt.toString(), d.id.toString()));
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
