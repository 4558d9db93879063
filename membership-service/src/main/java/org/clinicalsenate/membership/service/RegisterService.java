package org.clinicalsenate.membership.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.membership.domain.Appointment;
import org.clinicalsenate.membership.domain.AppointmentBody;
import org.clinicalsenate.membership.domain.Declaration;
import org.clinicalsenate.membership.domain.DeclarationRound;
import org.clinicalsenate.membership.domain.PublishedInterest;
import org.clinicalsenate.membership.domain.PublishedRegister;
import org.clinicalsenate.membership.domain.PublishedRegister.DecisionMaker;
import org.clinicalsenate.membership.domain.PublishedRegister.ReturnStatus;
import org.clinicalsenate.membership.domain.Senate;

/**
 * The public register of a senate, read with a fixed number of index-backed queries whatever the
 * council's size: the senate, its council with members, their published declarations, the
 * current round and its returns.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class RegisterService {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    SenateService senates;

    @Inject
    Rosters rosters;

    public PublishedRegister register(String slug) {
        Senate senate = senates.get(slug);
        LocalDate today = LocalDate.now(clock);
        List<Appointment> council = PublishedRegister.decisionMakers(rosters.serving(slug, AppointmentBody.COUNCIL, today));
        List<UUID> memberIds = council.stream().map(a -> a.member.id).toList();
        Map<UUID, List<PublishedInterest>> published = published(memberIds, today);
        DeclarationRound round = rosters.currentRound(slug).orElse(null);
        Map<UUID, ReturnStatus> returns = round != null ? returnsIn(round, memberIds) : returnsBeforeAnyRound(memberIds);
        List<DecisionMaker> decisionMakers = council.stream()
                .map(a -> new DecisionMaker(a.member, a.role, returns.get(a.member.id),
                        published.getOrDefault(a.member.id, List.of())))
                .toList();
        return PublishedRegister.of(senate, today, round, decisionMakers);
    }

    /**
     * Each member's published interests that are current or ended recently, earliest first: the
     * version last published of each declaration (an amendment under review does not hide it).
     */
    private Map<UUID, List<PublishedInterest>> published(List<UUID> memberIds, LocalDate today) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("""
                select new org.clinicalsenate.membership.domain.PublishedInterest(d.memberId, v.interest.category,
                    v.interest.description, v.interest.counterparty.odsCode, v.interest.counterparty.name,
                    v.interest.relationship, v.interest.start, v.interest.end, v.declaredAt, d.publishedAction,
                    d.publishedActionDetail)
                from Declaration d join DeclarationVersion v on v.declarationId = d.id and v.versionNo = d.publishedVersionNo
                where d.memberId in :members and d.publishedVersionNo is not null
                  and (v.interest.end is null or v.interest.end >= :endedFrom)
                order by v.interest.start, v.declaredAt, d.id
                """, PublishedInterest.class)
                .setParameter("members", memberIds)
                .setParameter("endedFrom", PublishedRegister.showsInterestsEndedFrom(today))
                .getResultStream()
                .collect(Collectors.groupingBy(PublishedInterest::memberId, LinkedHashMap::new, Collectors.toList()));
    }

    private Map<UUID, ReturnStatus> returnsIn(DeclarationRound round, List<UUID> memberIds) {
        return rosters.returns(round.id, memberIds).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> switch (e.getValue().status()) {
                    case DECLARED -> ReturnStatus.DECLARED;
                    case NIL_RETURN -> ReturnStatus.NIL_RETURN;
                    case OUTSTANDING -> ReturnStatus.NONE;
                }));
    }

    /** Before a senate's first round, a decision-maker has declared when they declared any interest. */
    private Map<UUID, ReturnStatus> returnsBeforeAnyRound(List<UUID> memberIds) {
        Set<UUID> declared = memberIds.isEmpty() ? Set.of() : new HashSet<>(em.createQuery(
                "select distinct d.memberId from Declaration d where d.memberId in :members and d.nilReturn = false",
                UUID.class)
                .setParameter("members", memberIds)
                .getResultList());
        return memberIds.stream().distinct()
                .collect(Collectors.toMap(id -> id, id -> declared.contains(id) ? ReturnStatus.DECLARED : ReturnStatus.NONE));
    }
}
