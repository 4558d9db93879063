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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.common.model.FieldError;
import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.membership.config.ConflictCheckConfig;
import org.clinicalsenate.membership.domain.ConflictRules;
import org.clinicalsenate.membership.domain.ConflictRules.Scope;
import org.clinicalsenate.membership.domain.DeclaredInterest;
import org.clinicalsenate.membership.domain.InterestCategory;
import org.clinicalsenate.membership.domain.DeclarationRound;
import org.clinicalsenate.membership.domain.PanelMember;
import org.hibernate.query.NativeQuery;

/**
 * Conflict checks for review panels. Nothing is stored. A panel is answered with one
 * index-backed statement whatever its size and however many senates its members come from (see
 * {@link #panel}): each member by id, their senate's current round and whether they have made a
 * return in it, and their declarations naming the organisations (index
 * {@code declaration_by_member_counterparty}).
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ConflictCheckService {

    /** The check as answered: the day, the first day of the lookback window, one result per member asked. */
    public record Check(LocalDate date, LocalDate lookbackFrom, List<MemberResult> results) {
    }

    public record MemberResult(PanelMember member, ConflictRules.Result result) {
    }

    /**
     * What the check reads of one member: who they are, their senate's current round if they have
     * made no return in it (else null), their declared interests naming the organisations.
     */
    record Panellist(PanelMember member, DeclarationRound outstandingRound, List<DeclaredInterest> interests) {
    }

    /**
     * One row per member, or per declared interest naming one of the organisations ({@code ?2}),
     * in the order the interests began. The interests are read first, by both columns of their
     * index (materialized: joined per member, the planner would read each member's every
     * declaration). A senate's current round is the one of its latest year
     * ({@link Rosters#currentRound}); a return is any declaration in it, a nil return included.
     * Native SQL: an array binds as one parameter whatever the panel's size, so the statement is
     * planned once, and Hibernate has no query to translate on each call.
     */
    private static final String PANEL = """
            with interest as materialized (
                select d.member_id, d.id, d.category, d.description, d.counterparty_ods_code, d.counterparty_name,
                       d.relationship, d.interest_start, d.interest_end
                from declaration d
                where d.member_id = any(?1) and d.counterparty_ods_code = any(?2))
            select m.id as member_id, m.senate, m.name, m.employer_ods_code, m.employer_name, m.employer_icb,
                   r.id as round_id, r.year as round_year, r.due_date as round_due_date,
                   exists (select 1 from declaration rd where rd.round_id = r.id and rd.member_id = m.id) as returned,
                   i.id as declaration_id, i.category, i.description, i.counterparty_ods_code, i.counterparty_name,
                   i.relationship, i.interest_start, i.interest_end
            from member m
            left join lateral (select r.id, r.year, r.due_date from declaration_round r
                               where r.senate = m.senate order by r.year desc limit 1) r on true
            left join interest i on i.member_id = m.id
            where m.id = any(?1)
            order by m.id, i.interest_start, i.id
            """;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ConflictCheckConfig config;

    /** {@code date} defaults to today; {@code organisations} and {@code area} may be null (none). */
    public Check check(List<UUID> memberIds, Set<String> organisations, Set<String> area, LocalDate date) {
        Scope scope = new Scope(organisations == null ? Set.of() : organisations, area == null ? Set.of() : area,
                date == null ? LocalDate.now(clock) : date, config.lookback());
        Map<UUID, Panellist> panel = panel(memberIds, scope.namedOrganisations());
        requireKnown(memberIds, panel);
        List<MemberResult> results = memberIds.stream()
                .map(panel::get)
                .map(p -> new MemberResult(p.member(), ConflictRules.check(p.member().employer(), p.interests(),
                        p.outstandingRound(), scope)))
                .toList();
        return new Check(scope.date(), scope.lookbackFrom(), results);
    }

    /**
     * Every member asked about must be known to the caller: review-service and platform-admins know
     * everyone, senate admins and chairs the members of their senates. An unknown id and one outside
     * the caller's scope get the same answer, so that nobody can probe who exists where.
     */
    private void requireKnown(List<UUID> memberIds, Map<UUID, Panellist> panel) {
        List<FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < memberIds.size(); i++) {
            Panellist panellist = panel.get(memberIds.get(i));
            if (panellist == null || !(caller.isService() || caller.administers(panellist.member().senate()))) {
                unknown.add(new FieldError("memberIds[" + i + "]", "is not a known member (" + memberIds.get(i) + ")"));
            }
        }
        if (!unknown.isEmpty()) {
            String detail = unknown.size() == 1 ? unknown.get(0).getField() + " " + unknown.get(0).getMessage()
                    : unknown.size() + " member ids are not known members";
            throw new ProblemException(ProblemType.RULE_VIOLATED, detail, unknown, List.of());
        }
    }

    /** The members found among the ids, with what the check reads of each, in one statement. */
    private Map<UUID, Panellist> panel(Collection<UUID> memberIds, Set<String> organisations) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(PANEL)
                .unwrap(NativeQuery.class)
                .addScalar("member_id", UUID.class).addScalar("senate", String.class).addScalar("name", String.class)
                .addScalar("employer_ods_code", String.class).addScalar("employer_name", String.class)
                .addScalar("employer_icb", String.class)
                .addScalar("round_id", UUID.class).addScalar("round_year", Integer.class)
                .addScalar("round_due_date", LocalDate.class).addScalar("returned", Boolean.class)
                .addScalar("declaration_id", UUID.class).addScalar("category", String.class)
                .addScalar("description", String.class).addScalar("counterparty_ods_code", String.class)
                .addScalar("counterparty_name", String.class).addScalar("relationship", String.class)
                .addScalar("interest_start", LocalDate.class).addScalar("interest_end", LocalDate.class)
                .setParameter(1, memberIds.toArray(UUID[]::new))
                .setParameter(2, organisations.toArray(String[]::new))
                .getResultList();
        Map<UUID, Panellist> panel = new HashMap<>();
        for (Object[] row : rows) {
            UUID memberId = (UUID) row[0];
            Panellist panellist = panel.computeIfAbsent(memberId, id -> new Panellist(
                    new PanelMember(id, (String) row[1], (String) row[2], (String) row[3], (String) row[4], (String) row[5]),
                    row[6] == null || (Boolean) row[9] ? null
                            : DeclarationRound.of((UUID) row[6], (String) row[1], (Integer) row[7], (LocalDate) row[8]),
                    new ArrayList<>()));
            if (row[10] != null) {
                panellist.interests().add(new DeclaredInterest((UUID) row[10], memberId,
                        KebabCase.fromValue(InterestCategory.class, (String) row[11]), (String) row[12], (String) row[13],
                        (String) row[14], (String) row[15], (LocalDate) row[16], (LocalDate) row[17]));
            }
        }
        return panel;
    }
}
