package org.clinicalsenate.membership.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.membership.model.DeclarationRoundCreate;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.page.Keyset;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.membership.domain.DeclarationRound;
import org.clinicalsenate.membership.repository.DeclarationRoundRepository;
import org.clinicalsenate.membership.repository.MemberRepository;
import org.clinicalsenate.membership.service.Rosters.Return;
import org.clinicalsenate.membership.service.Rosters.RoundReturn;

/**
 * A senate's annual declaration rounds and each appointed member's return in them. Opened by the
 * senate's admins; read by them and by assurance viewers (counts and names, no contact details).
 */
@ApplicationScoped
@Transactional
public class DeclarationRoundService {

    /** A round, whether it is the senate's current one, and its members' returns counted. */
    public record RoundView(DeclarationRound round, boolean current, Counts summary) {
    }

    /** How many members must make a return, and how many declared, made a nil return or are outstanding. */
    public record Counts(int members, int declared, int nilReturns, int outstanding) {

        static Counts of(Set<UUID> appointed, Map<UUID, RoundReturn> returns) {
            int declared = 0;
            int nilReturns = 0;
            for (UUID member : appointed) {
                RoundReturn made = returns.get(member);
                if (made != null && made.status() == Return.DECLARED) {
                    declared++;
                } else if (made != null && made.status() == Return.NIL_RETURN) {
                    nilReturns++;
                }
            }
            return new Counts(appointed.size(), declared, nilReturns, appointed.size() - declared - nilReturns);
        }
    }

    /** An appointed member's return; no contact details. */
    public record RoundMember(UUID memberId, String name, RoundReturn made) {
    }

    @Inject
    Clock clock;

    @Inject
    DeclarationRoundRepository rounds;

    @Inject
    MemberRepository members;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    Rosters rosters;

    @Inject
    SenateService senates;

    /** One round per senate and year (409); from now on declarations of the senate's members count for the latest. */
    public RoundView open(String slug, DeclarationRoundCreate request) {
        senates.get(slug);
        caller.requireAdministers(slug);
        DeclarationRound round = DeclarationRound.open(slug, request.getYear(), request.getDueDate(), caller.subject(),
                Instant.now(clock));
        boolean opened = rounds.count("senate = ?1 and year = ?2", slug, round.year) > 0;
        if (opened) {
            throw ProblemException.conflict("The " + round.year + " declaration round of " + slug + " is already open");
        }
        rounds.persistAndFlush(round);
        audit.record("opened", DeclarationRound.ENTITY_TYPE, round.id.toString(), slug, snapshot(round));
        return views(List.of(round)).get(0);
    }

    @Transactional(TxType.SUPPORTS)
    public RoundView get(UUID id) {
        return views(List.of(find(id))).get(0);
    }

    /** Latest year first, keyset-paginated by year (unique per senate). */
    @Transactional(TxType.SUPPORTS)
    public Page<RoundView> list(String slug, Integer limit, String cursor) {
        senates.get(slug);
        caller.requireReadsSenate(slug);
        Page<DeclarationRound> page = Keyset.over(rounds, "declaration-rounds")
                .filter("senate = :senate", "senate", slug)
                .orderBy(Keyset.Order.DESCENDING, Keyset.key("year", Integer.class, (DeclarationRound r) -> r.year))
                .page(limit, cursor);
        return new Page<>(views(page.items()), page.nextCursor());
    }

    /**
     * The appointed members and their returns, in name order, keyset-paginated by (lower(name), id);
     * {@code status} keeps only the members with that return (e.g. the outstanding ones to chase).
     */
    @Transactional(TxType.SUPPORTS)
    public Page<RoundMember> members(UUID roundId, Return status, Integer limit, String cursor) {
        DeclarationRound round = find(roundId);
        List<UUID> appointed = rosters.servingMemberIds(round.senate, round.membershipDay(LocalDate.now(clock)));
        Map<UUID, RoundReturn> returns = rosters.returns(round.id, appointed);
        List<UUID> listed = appointed.stream().filter(id -> status == null || returns.get(id).status() == status).toList();
        if (listed.isEmpty()) {
            return Page.empty();
        }
        return Keyset.over(members, "declaration-round-members").select(NamedMember.class)
                .where("id in :members").param("members", listed)
                .bind("round", roundId).bind("status", status)
                .orderBy(Keyset.Order.ASCENDING, Keyset.lowerCaseKey("name", NamedMember::name),
                        Keyset.key("id", UUID.class, NamedMember::id))
                .page(limit, cursor)
                .map(member -> new RoundMember(member.id(), member.name(), returns.get(member.id())));
    }

    /** A member's id and name: what the list of a round's members shows of them. */
    public record NamedMember(UUID id, String name) {
    }

    private DeclarationRound find(UUID id) {
        DeclarationRound round = rounds.findById(id);
        if (round == null) {
            throw ProblemException.notFound("No declaration round with id " + id);
        }
        caller.requireReadsSenate(round.senate);
        return round;
    }

    /** The rounds with their counts: three queries for any number of rounds (the current ones, who is appointed, the returns). */
    private List<RoundView> views(Collection<DeclarationRound> rounds) {
        Map<String, DeclarationRound> current = rosters.currentRounds(rounds.stream().map(r -> r.senate).distinct().toList());
        Map<UUID, Set<UUID>> appointed = rosters.appointedMembers(rounds, LocalDate.now(clock));
        Map<UUID, Map<UUID, RoundReturn>> returns = rosters.returnsByRound(rounds.stream().map(r -> r.id).toList());
        return rounds.stream()
                .map(r -> new RoundView(r, current.get(r.senate).id.equals(r.id), Counts.of(appointed.get(r.id), returns.get(r.id))))
                .toList();
    }

    private static Map<String, Object> snapshot(DeclarationRound round) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("year", round.year);
        values.put("dueDate", round.dueDate.toString());
        values.put("openedBy", round.openedBy);
        return values;
    }
}
