package org.clinicalsenate.review.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.commons.page.Cursor;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.time.Clocks;
import org.clinicalsenate.review.domain.AdviceRequestKind;
import org.clinicalsenate.review.domain.PublicLogEntry;
import org.clinicalsenate.review.domain.Report;
import org.clinicalsenate.review.domain.ReportSections;
import org.clinicalsenate.review.domain.ReportVersion;
import org.clinicalsenate.review.repository.MeetingRepository;
import org.clinicalsenate.review.repository.PanelMemberRepository;
import org.clinicalsenate.review.repository.ReportRepository;

/**
 * The public advice and review log, for everyone without a token: the view
 * {@code public_advice_log} filtered and keyset-paginated newest first, with full-text search over
 * titles, questions and published reports (PostgreSQL's, through GIN indexes); and each published
 * report with the sponsor's response.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class PublicLogService {

    /** The filters of the log; each is optional. {@code q} is web-search syntax (words, "phrases", -not, or). */
    public record Filter(String senate, Integer year, String icb, String organisation, AdviceRequestKind kind,
            String stage, String q) {

        /** What a cursor is valid for: these filters. */
        String binding() {
            return String.join("|", "public-advice-log", String.valueOf(senate), String.valueOf(year),
                    String.valueOf(icb), String.valueOf(organisation), String.valueOf(kind), String.valueOf(stage),
                    String.valueOf(q));
        }
    }

    /** An entry with its published report (version and sections) and the sponsor's response, once there. */
    public record Published(PublicLogEntry entry, Optional<ReportVersion> version, ReportSections sections,
            List<Report.RecommendationResponse> responses) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ReportRepository reports;

    @Inject
    PanelMemberRepository panelMembers;

    @Inject
    MeetingRepository meetings;

    public Page<PublicLogEntry> list(Filter filter, Integer requestedLimit, String cursor) {
        int limit = Page.limit(requestedLimit);
        StringBuilder sql = new StringBuilder("SELECT id, senate, title, question, requesting_organisation, sponsor,"
                + " area_under_review, kind, stage, submitted_at, triaged_at, published_at, published_version,"
                + " recommendations FROM public_advice_log WHERE true");
        Map<String, Object> parameters = new LinkedHashMap<>();
        condition(sql, parameters, filter.senate(), " AND senate = :senate", "senate");
        if (filter.year() != null) {
            sql.append(" AND submitted_at >= :from AND submitted_at < :to");
            parameters.put("from", LocalDate.of(filter.year(), 1, 1).atStartOfDay(Clocks.ENGLAND).toInstant());
            parameters.put("to", LocalDate.of(filter.year() + 1, 1, 1).atStartOfDay(Clocks.ENGLAND).toInstant());
        }
        condition(sql, parameters, filter.icb(), " AND area_under_review @> ARRAY[CAST(:icb AS text)]", "icb");
        condition(sql, parameters, filter.organisation(),
                " AND (requesting_organisation = :organisation OR sponsor = :organisation)", "organisation");
        condition(sql, parameters, filter.kind() == null ? null : filter.kind().value(), " AND kind = :kind", "kind");
        condition(sql, parameters, filter.stage(), " AND stage = :stage", "stage");
        // each text through its own GIN index: titles and questions, published reports
        condition(sql, parameters, filter.q(), " AND id IN (SELECT id FROM advice_request"
                + " WHERE search @@ websearch_to_tsquery('english', :q) UNION SELECT advice_request_id FROM report"
                + " WHERE published_search @@ websearch_to_tsquery('english', :q))", "q");
        List<String> after = Cursor.decode(cursor, filter.binding(), 2);
        if (!after.isEmpty()) {
            sql.append(" AND (submitted_at, id) < (:afterAt, :afterId)");
            parameters.put("afterAt", Instant.parse(after.get(0)));
            parameters.put("afterId", UUID.fromString(after.get(1)));
        }
        sql.append(" ORDER BY submitted_at DESC, id DESC fetch first :limit rows only");
        parameters.put("limit", limit + 1);
        Query query = entityManager.createNativeQuery(sql.toString(), PublicLogEntry.class);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<PublicLogEntry> fetched = query.getResultList();
        return Page.of(fetched, limit, last -> Cursor.encode(filter.binding(),
                List.of(last.submittedAt.toString(), last.id.toString())));
    }

    /** An entry of the log (404 for a request that is not in it), with its report once published. */
    public Published entry(UUID id) {
        PublicLogEntry entry = Optional.ofNullable(entityManager.find(PublicLogEntry.class, id))
                .orElseThrow(() -> ProblemException.notFound("No review " + id + " in the public advice and review log"));
        if (entry.publishedVersion == null) {
            return new Published(entry, Optional.empty(), null, List.of());
        }
        Report report = reports.findById(id);
        return new Published(entry, reports.version(id, entry.publishedVersion),
                ReportSections.of(panelMembers.panel(id), meetings.of(id), meetings.participants(id, null),
                        meetings.declarations(id, null)),
                report.responses == null ? List.of() : report.responses);
    }

    /** The published version of an entry's report (404 until it is published). */
    public Published published(UUID id) {
        Published published = entry(id);
        if (published.version().isEmpty()) {
            throw ProblemException.notFound("The report of review " + id + " is not published");
        }
        return published;
    }

    private static void condition(StringBuilder sql, Map<String, Object> parameters, Object value, String clause,
            String name) {
        if (value != null) {
            sql.append(clause);
            parameters.put(name, value);
        }
    }
}
