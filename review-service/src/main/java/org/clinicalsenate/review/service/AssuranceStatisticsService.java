package org.clinicalsenate.review.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.commons.time.Clocks;
import org.clinicalsenate.review.domain.AdviceRequestAccess;

/**
 * Figures for NHS England's assurance, per senate and period, each family computed by one SQL
 * query over the requests submitted in the period (index {@code advice_request_by_senate} or
 * {@code advice_request_newest}) and their recorded changes of status
 * ({@code advice_request_transition_by_request}). Java only sorts the rows into senates.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class AssuranceStatisticsService {

    /** A count of something by up to two groups (kind and triage, test and outcome, theme and response...). */
    public record Count(String group, String subgroup, int count) {
    }

    /** How many completed a span and the median and 90th percentile of its days (null when none did). */
    public record Durations(String group, int completed, Double medianDays, Double p90Days) {
    }

    /** Issued and published reports, and the days from submission to publication. */
    public record Publication(int issued, int published, Double medianDays, Double p90Days) {
    }

    /** One senate's figures. */
    public record SenateFigures(String senate, List<Count> requests, int shortNotice, List<Durations> stages,
            Durations endToEnd, List<Count> overdueNow, Publication publication, List<Count> testAssessments,
            List<Count> recommendations) {
    }

    public record Statistics(LocalDate from, LocalDate to, List<SenateFigures> senates) {
    }

    /** The period's requests, of the senates asked for: what every figure is computed over. */
    private static final String PERIOD = "WITH r AS (SELECT id, senate, kind, triage_decision, short_notice,"
            + " submitted_at FROM advice_request WHERE submitted_at >= :from AND submitted_at < :to%s) ";

    private static final String REQUESTS = "SELECT senate, kind, CASE triage_decision WHEN 'accept' THEN 'accepted'"
            + " WHEN 'decline' THEN 'declined' WHEN 'redirect' THEN 'redirected' ELSE 'pending' END, count(*)"
            + " FROM r GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";

    private static final String SHORT_NOTICE = "SELECT senate, count(*) FILTER (WHERE short_notice) FROM r GROUP BY 1";

    /** The time in each status left: from a change of status to the next one. */
    private static final String STAGES = "SELECT r.senate, t.to_status, count(*),"
            + " percentile_cont(0.5) WITHIN GROUP (ORDER BY t.days), percentile_cont(0.9) WITHIN GROUP (ORDER BY t.days)"
            + " FROM r CROSS JOIN LATERAL (SELECT x.to_status, extract(epoch FROM lead(x.at) OVER (ORDER BY x.at, x.id)"
            + " - x.at) / 86400 AS days FROM advice_request_transition x WHERE x.advice_request_id = r.id) t"
            + " WHERE t.days IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2";

    private static final String END_TO_END = "SELECT r.senate, count(*),"
            + " percentile_cont(0.5) WITHIN GROUP (ORDER BY c.days), percentile_cont(0.9) WITHIN GROUP (ORDER BY c.days)"
            + " FROM r CROSS JOIN LATERAL (SELECT extract(epoch FROM min(x.at) - r.submitted_at) / 86400 AS days"
            + " FROM advice_request_transition x WHERE x.advice_request_id = r.id AND x.to_status = 'closed') c"
            + " WHERE c.days IS NOT NULL GROUP BY 1";

    private static final String PUBLICATION = "SELECT r.senate, count(p.issued_version), count(p.published_at),"
            + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.published_at - r.submitted_at) / 86400),"
            + " percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM p.published_at - r.submitted_at) / 86400)"
            + " FROM r JOIN report p ON p.advice_request_id = r.id GROUP BY 1";

    /** The final (issued) version's assessments. */
    private static final String TESTS = "SELECT r.senate, a ->> 'test', a ->> 'assessment', count(*)"
            + " FROM r JOIN report p ON p.advice_request_id = r.id"
            + " JOIN report_version v ON v.advice_request_id = r.id AND v.version_no = p.issued_version"
            + " CROSS JOIN jsonb_array_elements(v.test_assessments) a GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";

    /** The final version's recommendations, with the sponsor's response to each once recorded. */
    private static final String RECOMMENDATIONS = "SELECT r.senate, rec ->> 'theme',"
            + " coalesce(resp ->> 'response', 'awaiting-response'), count(*)"
            + " FROM r JOIN report p ON p.advice_request_id = r.id"
            + " JOIN report_version v ON v.advice_request_id = r.id AND v.version_no = p.issued_version"
            + " CROSS JOIN jsonb_array_elements(v.recommendations) rec"
            + " LEFT JOIN LATERAL (SELECT x AS resp FROM jsonb_array_elements(coalesce(p.responses, '[]'::jsonb)) x"
            + " WHERE (x ->> 'recommendation')::int = (rec ->> 'number')::int) answered ON true"
            + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";

    /**
     * Open requests past a due date today, whatever the period: each stage the scheduled check found
     * past its due date ({@code stage_overdue}, see StageDeadline) that the request is still in, and
     * advice not issued by the date the requester needs it.
     */
    private static final String OVERDUE = "SELECT a.senate, o.stage, count(*) FROM stage_overdue o"
            + " JOIN advice_request a ON a.id = o.advice_request_id WHERE a.status = o.stage"
            + " AND o.entered_at = (SELECT max(x.at) FROM advice_request_transition x WHERE x.advice_request_id = a.id)"
            + "%1$s GROUP BY 1, 2"
            + " UNION ALL SELECT a.senate, 'advice-needed-by', count(*) FROM advice_request a"
            + " WHERE a.status IN ('accepted', 'terms-agreed', 'panel-formed', 'evidence-gathering', 'draft-report',"
            + " 'factual-accuracy-check', 'endorsed') AND a.needed_by < :today%1$s GROUP BY 1 ORDER BY 1, 2";

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    public Statistics statistics(String senate, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = to != null ? to : today.plusDays(1);
        LocalDate start = from != null ? from : end.minusYears(1);
        if (!start.isBefore(end)) {
            throw ProblemException.ruleViolated("from", "is not before to (" + end + ")");
        }
        Set<String> senates = AdviceRequestAccess.of(caller).followedSenates(senate).orElse(null);
        if (senates != null && senates.isEmpty()) {
            return new Statistics(start, end, List.of());
        }
        Figures figures = new Figures(senates, start.atStartOfDay(Clocks.ENGLAND).toInstant(),
                end.atStartOfDay(Clocks.ENGLAND).toInstant(), today);
        Map<String, List<Object[]>> requests = figures.period(REQUESTS);
        Map<String, List<Object[]>> shortNotice = figures.period(SHORT_NOTICE);
        Map<String, List<Object[]>> stages = figures.period(STAGES);
        Map<String, List<Object[]>> endToEnd = figures.period(END_TO_END);
        Map<String, List<Object[]>> publication = figures.period(PUBLICATION);
        Map<String, List<Object[]>> tests = figures.period(TESTS);
        Map<String, List<Object[]>> recommendations = figures.period(RECOMMENDATIONS);
        Map<String, List<Object[]>> overdue = figures.now(OVERDUE);

        List<SenateFigures> result = new ArrayList<>();
        for (String slug : new TreeSet<>(union(requests, overdue))) {
            Object[] published = first(publication, slug);
            Object[] whole = first(endToEnd, slug);
            result.add(new SenateFigures(slug,
                    counts(requests, slug),
                    first(shortNotice, slug) == null ? 0 : number(first(shortNotice, slug)[1]),
                    rows(stages, slug, row -> new Durations((String) row[1], number(row[2]), days(row[3]), days(row[4]))),
                    whole == null ? new Durations(null, 0, null, null)
                            : new Durations(null, number(whole[1]), days(whole[2]), days(whole[3])),
                    rows(overdue, slug, row -> new Count((String) row[1], null, number(row[2]))),
                    published == null ? new Publication(0, 0, null, null)
                            : new Publication(number(published[1]), number(published[2]), days(published[3]),
                                    days(published[4])),
                    counts(tests, slug),
                    counts(recommendations, slug)));
        }
        return new Statistics(start, end, result);
    }

    /** The queries' parameters: the senates (all when null), the period, today. */
    private final class Figures {

        private final Set<String> senates;
        private final Instant from;
        private final Instant to;
        private final LocalDate today;

        Figures(Set<String> senates, Instant from, Instant to, LocalDate today) {
            this.senates = senates;
            this.from = from;
            this.to = to;
            this.today = today;
        }

        Map<String, List<Object[]>> period(String figure) {
            Query query = entityManager.createNativeQuery(String.format(PERIOD,
                    senates == null ? "" : " AND senate IN (:senates)") + figure)
                    .setParameter("from", from).setParameter("to", to);
            return bySenate(senates == null ? query : query.setParameter("senates", senates));
        }

        Map<String, List<Object[]>> now(String figure) {
            Query query = entityManager.createNativeQuery(String.format(figure,
                    senates == null ? "" : " AND a.senate IN (:senates)")).setParameter("today", today);
            return bySenate(senates == null ? query : query.setParameter("senates", senates));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Object[]>> bySenate(Query query) {
        Map<String, List<Object[]>> rows = new TreeMap<>();
        ((List<Object[]>) query.getResultList()).forEach(row -> rows.computeIfAbsent((String) row[0],
                senate -> new ArrayList<>()).add(row));
        return rows;
    }

    private static Set<String> union(Map<String, ?> a, Map<String, ?> b) {
        Set<String> senates = new HashSet<>(a.keySet());
        senates.addAll(b.keySet());
        return senates;
    }

    private static List<Count> counts(Map<String, List<Object[]>> rows, String senate) {
        return rows(rows, senate, row -> new Count((String) row[1], (String) row[2], number(row[3])));
    }

    private static <T> List<T> rows(Map<String, List<Object[]>> rows, String senate, Function<Object[], T> as) {
        return rows.getOrDefault(senate, List.of()).stream().map(as).toList();
    }

    private static Object[] first(Map<String, List<Object[]>> rows, String senate) {
        List<Object[]> of = rows.get(senate);
        return of == null || of.isEmpty() ? null : of.get(0);
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    /** Days to one decimal place, or null when there is no value. */
    private static Double days(Object value) {
        return value == null ? null
                : BigDecimal.valueOf(((Number) value).doubleValue()).setScale(1, RoundingMode.HALF_UP)
                        .doubleValue();
    }
}
