package org.clinicalsenate.membership.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.common.model.FieldError;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.membership.config.ConflictCheckConfig;
import org.clinicalsenate.membership.domain.ConflictRules;
import org.clinicalsenate.membership.domain.ConflictRules.Scope;
import org.clinicalsenate.membership.domain.DeclaredInterest;
import org.clinicalsenate.membership.domain.DeclarationRound;
import org.clinicalsenate.membership.domain.PanelMember;
import org.clinicalsenate.membership.repository.MemberRepository;

/**
 * Conflict checks for review panels. Nothing is stored. A panel is answered with four
 * index-backed queries whatever its size and however many senates its members come from: its
 * members by id, their declarations naming the organisations (index
 * {@code declaration_by_member_counterparty}), the current rounds of their senates, and their
 * returns in those rounds.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ConflictCheckService {

    /** The check as answered: the day, the first day of the lookback window, one result per member asked. */
    public record Check(LocalDate date, LocalDate lookbackFrom, List<MemberResult> results) {
    }

    public record MemberResult(PanelMember member, ConflictRules.Result result) {
    }

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    Rosters rosters;

    @Inject
    Caller caller;

    @Inject
    ConflictCheckConfig config;

    /** {@code date} defaults to today; {@code organisations} and {@code area} may be null (none). */
    public Check check(List<UUID> memberIds, Set<String> organisations, Set<String> area, LocalDate date) {
        Scope scope = new Scope(organisations == null ? Set.of() : organisations, area == null ? Set.of() : area,
                date == null ? LocalDate.now(clock) : date, config.lookback());
        Map<UUID, PanelMember> members = this.members.find("id in ?1", memberIds).project(PanelMember.class)
                .stream()
                .collect(Collectors.toMap(PanelMember::id, Function.identity()));
        requireKnown(memberIds, members);
        Map<UUID, List<DeclaredInterest>> interests = interestsNaming(members.keySet(), scope.namedOrganisations());
        Map<UUID, DeclarationRound> outstanding = outstandingInCurrentRound(members.values());
        List<MemberResult> results = memberIds.stream()
                .map(members::get)
                .map(m -> new MemberResult(m, ConflictRules.check(m.employer(), interests.getOrDefault(m.id(), List.of()),
                        outstanding.get(m.id()), scope)))
                .toList();
        return new Check(scope.date(), scope.lookbackFrom(), results);
    }

    /**
     * Every member asked about must be known to the caller: review-service and platform-admins know
     * everyone, senate admins and chairs the members of their senates. An unknown id and one outside
     * the caller's scope get the same answer, so that nobody can probe who exists where.
     */
    private void requireKnown(List<UUID> memberIds, Map<UUID, PanelMember> members) {
        List<FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < memberIds.size(); i++) {
            PanelMember member = members.get(memberIds.get(i));
            if (member == null || !(caller.isService() || caller.administers(member.senate()))) {
                unknown.add(new FieldError("memberIds[" + i + "]", "is not a known member (" + memberIds.get(i) + ")"));
            }
        }
        if (!unknown.isEmpty()) {
            String detail = unknown.size() == 1 ? unknown.get(0).getField() + " " + unknown.get(0).getMessage()
                    : unknown.size() + " member ids are not known members";
            throw new ProblemException(ProblemType.RULE_VIOLATED, detail, unknown, List.of());
        }
    }

    /** Each member's declared interests naming one of the organisations, in the order they began. */
    private Map<UUID, List<DeclaredInterest>> interestsNaming(Collection<UUID> memberIds, Set<String> organisations) {
        if (organisations.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("""
                select new org.clinicalsenate.membership.domain.DeclaredInterest(d.id, d.memberId, d.interest.category,
                    d.interest.description, d.interest.counterparty.odsCode, d.interest.counterparty.name,
                    d.interest.relationship, d.interest.start, d.interest.end)
                from Declaration d where d.memberId in :members and d.interest.counterparty.odsCode in :organisations
                order by d.interest.start, d.id
                """, DeclaredInterest.class)
                .setParameter("members", memberIds)
                .setParameter("organisations", organisations)
                .getResultStream()
                .collect(Collectors.groupingBy(DeclaredInterest::memberId));
    }

    /** For each member who has made no return in their senate's current round, that round. */
    private Map<UUID, DeclarationRound> outstandingInCurrentRound(Collection<PanelMember> members) {
        Map<String, DeclarationRound> rounds = rosters.currentRounds(
                members.stream().map(PanelMember::senate).collect(Collectors.toSet()));
        Map<UUID, DeclarationRound> roundOfMember = new HashMap<>();
        Map<UUID, UUID> roundIdOfMember = new HashMap<>();
        for (PanelMember member : members) {
            DeclarationRound round = rounds.get(member.senate());
            if (round != null) {
                roundOfMember.put(member.id(), round);
                roundIdOfMember.put(member.id(), round.id);
            }
        }
        Map<UUID, DeclarationRound> outstanding = new HashMap<>();
        rosters.returns(roundIdOfMember).forEach((memberId, roundReturn) -> {
            if (roundReturn.status() == Rosters.Return.OUTSTANDING) {
                outstanding.put(memberId, roundOfMember.get(memberId));
            }
        });
        return outstanding;
    }
}
