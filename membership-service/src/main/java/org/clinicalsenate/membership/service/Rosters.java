package org.clinicalsenate.membership.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.membership.domain.Appointment;
import org.clinicalsenate.membership.domain.AppointmentBody;
import org.clinicalsenate.membership.domain.AppointmentStatus;
import org.clinicalsenate.membership.domain.DeclarationRound;

/**
 * Who serves on a senate's bodies on a day, and who has made their return in a round: the
 * questions the council composition, the register, declaration rounds, reminders and conflict
 * checks share, answered here once, each with one index-backed query.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class Rosters {

    /** A member's return in a round. */
    public enum Return implements KebabCase {
        DECLARED, NIL_RETURN, OUTSTANDING
    }

    /** A member's return and when they last declared in the round (null when outstanding). */
    public record RoundReturn(Return status, Instant lastDeclaredAt) {
        static final RoundReturn OUTSTANDING = new RoundReturn(Return.OUTSTANDING, null);

        /** From a member's declarations in a round: how many declared an interest, and the latest. */
        static RoundReturn of(Number interestsDeclared, Instant lastDeclaredAt) {
            return new RoundReturn(interestsDeclared.longValue() > 0 ? Return.DECLARED : Return.NIL_RETURN, lastDeclaredAt);
        }
    }

    /**
     * JPQL: appointment {@code a} is served on {@code :day} (approved, and the day within its served
     * period), as {@code Appointment.servesOn} says; the query sets {@code :served} ({@code AppointmentStatus.SERVED}) and {@code :day}.
     */
    public static final String SERVED_ON_DAY =
            "a.status in :served and a.termStart <= :day and coalesce(a.endedOn, a.termEnd) >= :day";

    @Inject
    EntityManager em;

    /**
     * The appointments served on the body on that day, with their members loaded, in member name
     * order. A member with two such appointments (e.g. a new role from mid-term) appears twice.
     */
    public List<Appointment> serving(String senate, AppointmentBody body, LocalDate day) {
        return em.createQuery("""
                select a from Appointment a join fetch a.member m
                where a.senate = :senate and a.body = :body and %s
                order by lower(m.name), m.id, a.termStart
                """.formatted(SERVED_ON_DAY), Appointment.class)
                .setParameter("senate", senate)
                .setParameter("body", body)
                .setParameter("served", AppointmentStatus.SERVED)
                .setParameter("day", day)
                .getResultList();
    }

    /** The ids of the members serving on any body of the senate on that day. */
    public List<UUID> servingMemberIds(String senate, LocalDate day) {
        return em.createQuery("""
                select distinct a.member.id from Appointment a
                where a.senate = :senate and %s
                """.formatted(SERVED_ON_DAY), UUID.class)
                .setParameter("senate", senate)
                .setParameter("served", AppointmentStatus.SERVED)
                .setParameter("day", day)
                .getResultList();
    }

    /** The senate's current round: the one of its latest year. */
    public Optional<DeclarationRound> currentRound(String senate) {
        return em.createQuery("from DeclarationRound r where r.senate = :senate order by r.year desc",
                DeclarationRound.class)
                .setParameter("senate", senate)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** The current round of each of these senates (senates without a round are left out). */
    public Map<String, DeclarationRound> currentRounds(Collection<String> senates) {
        Map<String, DeclarationRound> rounds = new HashMap<>();
        if (senates.isEmpty()) {
            return rounds;
        }
        em.createQuery("""
                from DeclarationRound r where r.senate in :senates
                  and r.year = (select max(o.year) from DeclarationRound o where o.senate = r.senate)
                """, DeclarationRound.class)
                .setParameter("senates", senates)
                .getResultList()
                .forEach(r -> rounds.put(r.senate, r));
        return rounds;
    }

    /**
     * Each member's return in the round: {@code DECLARED} when they declared an interest (even if
     * they also made a nil return), {@code NIL_RETURN}, or {@code OUTSTANDING}.
     */
    public Map<UUID, RoundReturn> returns(UUID roundId, Collection<UUID> memberIds) {
        Map<UUID, RoundReturn> returns = new HashMap<>();
        memberIds.forEach(id -> returns.put(id, RoundReturn.OUTSTANDING));
        if (memberIds.isEmpty()) {
            return returns;
        }
        em.createQuery("""
                select d.memberId, sum(case when d.nilReturn = false then 1 else 0 end), max(d.declaredAt)
                from Declaration d where d.roundId = :round and d.memberId in :members
                group by d.memberId
                """, Object[].class)
                .setParameter("round", roundId)
                .setParameter("members", memberIds)
                .getResultList()
                .forEach(row -> returns.put((UUID) row[0], RoundReturn.of((Number) row[1], (Instant) row[2])));
        return returns;
    }

    /**
     * For each round, the ids of the members who must make a return in it: those serving any body
     * of its senate on its {@link DeclarationRound#membershipDay membership day}. One query for
     * all the rounds (e.g. a page of them), however many days they span.
     */
    public Map<UUID, Set<UUID>> appointedMembers(Collection<DeclarationRound> rounds, LocalDate today) {
        Map<UUID, Set<UUID>> appointed = new HashMap<>();
        rounds.forEach(round -> appointed.put(round.id, new HashSet<>()));
        if (rounds.isEmpty()) {
            return appointed;
        }
        List<LocalDate> days = rounds.stream().map(round -> round.membershipDay(today)).sorted().toList();
        List<Object[]> rows = em.createQuery("""
                select a, a.member.id from Appointment a
                where a.senate in :senates and a.status in :served
                  and a.termStart <= :lastDay and coalesce(a.endedOn, a.termEnd) >= :firstDay
                """, Object[].class)
                .setParameter("senates", rounds.stream().map(round -> round.senate).distinct().toList())
                .setParameter("served", AppointmentStatus.SERVED)
                .setParameter("firstDay", days.get(0))
                .setParameter("lastDay", days.get(days.size() - 1))
                .getResultList();
        for (DeclarationRound round : rounds) {
            LocalDate day = round.membershipDay(today);
            for (Object[] row : rows) {
                Appointment appointment = (Appointment) row[0];
                if (appointment.senate.equals(round.senate) && appointment.servesOn(day)) {
                    appointed.get(round.id).add((UUID) row[1]);
                }
            }
        }
        return appointed;
    }

    /**
     * Every return made in each of these rounds, by round and member, in one query. Members
     * without a declaration in a round are absent (outstanding, if they must make a return).
     */
    public Map<UUID, Map<UUID, RoundReturn>> returnsByRound(Collection<UUID> roundIds) {
        Map<UUID, Map<UUID, RoundReturn>> returns = new HashMap<>();
        roundIds.forEach(id -> returns.put(id, new HashMap<>()));
        if (roundIds.isEmpty()) {
            return returns;
        }
        List<Object[]> rows = em.createQuery("""
                select d.roundId, d.memberId, sum(case when d.nilReturn = false then 1 else 0 end), max(d.declaredAt)
                from Declaration d where d.roundId in :rounds
                group by d.roundId, d.memberId
                """, Object[].class)
                .setParameter("rounds", roundIds)
                .getResultList();
        for (Object[] row : rows) {
            returns.get((UUID) row[0]).put((UUID) row[1], RoundReturn.of((Number) row[2], (Instant) row[3]));
        }
        return returns;
    }
}
