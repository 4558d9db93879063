package org.clinicalsenate.review.service;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.events.model.AdviceRequestLinks;
import org.clinicalsenate.api.events.model.StageOverdue;
import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.commons.outbox.Outbox;
import org.clinicalsenate.commons.page.Cursor;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.scheduling.QuietDuringDatabaseOutage;
import org.clinicalsenate.commons.scheduling.SkipWhenOff;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.review.config.ReviewConfig;
import org.clinicalsenate.review.domain.AdviceRequestAccess;
import org.clinicalsenate.review.domain.AdviceRequestStatus;
import org.clinicalsenate.review.domain.StageDeadline;
import org.clinicalsenate.review.domain.StageDeadline.OpenStage;
import org.clinicalsenate.review.domain.WorkingDays;

import io.quarkus.scheduler.Scheduled;

/**
 * The due date of every open request's stage ({@link StageDeadline} says where it comes from), the
 * list of them per senate, and the scheduled check that publishes {@code review.stage.overdue} once
 * per stage past its due date: the row in {@code stage_overdue} is inserted with the event in one
 * transaction, so several replicas may run it.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class StageDeadlineService {

    /** Open requests with when they entered their stage and the dates set for it (one query, by status). */
    private static final String OPEN = "SELECT r.id, r.senate, r.requesting_organisation, r.status,"
            + " (SELECT max(x.at) FROM advice_request_transition x WHERE x.advice_request_id = r.id),"
            + " t.draft_report_by, t.final_report_by, p.fa_due_on FROM advice_request r"
            + " LEFT JOIN LATERAL (SELECT draft_report_by, final_report_by FROM terms_of_reference"
            + " WHERE advice_request_id = r.id AND signed_off_at IS NOT NULL ORDER BY version_no DESC LIMIT 1) t ON true"
            + " LEFT JOIN report p ON p.advice_request_id = r.id WHERE r.status IN (:stages)";

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    ReviewConfig config;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    /** The stages of the requests the caller follows, earliest due first; only overdue ones when asked. */
    public Page<StageDeadline> list(String senate, boolean overdueOnly, Integer requestedLimit, String cursor) {
        Set<String> senates = AdviceRequestAccess.of(caller).followedSenates(senate).orElse(null);
        if (senates != null && senates.isEmpty()) {
            return Page.empty();
        }
        LocalDate today = LocalDate.now(clock);
        String binding = "stage-deadlines|" + senate + "|" + overdueOnly;
        List<String> after = Cursor.decode(cursor, binding, 2);
        Comparator<StageDeadline> order = Comparator.comparing(StageDeadline::dueOn)
                .thenComparing(StageDeadline::adviceRequestId);
        LocalDate afterDue = after.isEmpty() ? null : LocalDate.parse(after.get(0));
        UUID afterId = after.isEmpty() ? null : UUID.fromString(after.get(1));
        List<StageDeadline> deadlines = deadlines(senates).stream()
                .filter(d -> !overdueOnly || d.overdueOn(today))
                .filter(d -> afterDue == null || d.dueOn().isAfter(afterDue)
                        || d.dueOn().equals(afterDue) && d.adviceRequestId().compareTo(afterId) > 0)
                .sorted(order).toList();
        int limit = Page.limit(requestedLimit);
        return Page.of(deadlines.subList(0, Math.min(deadlines.size(), limit + 1)), limit,
                last -> Cursor.encode(binding, List.of(last.dueOn().toString(), last.adviceRequestId().toString())));
    }

    /** Publishes review.stage.overdue for each stage past its due date not yet reported; how many. */
    @Transactional
    public int reportOverdue(LocalDate today) {
        int reported = 0;
        // in the order of the requests' ids, so that two replicas inserting the same rows wait instead of deadlocking
        for (StageDeadline overdue : deadlines(null).stream().filter(d -> d.overdueOn(today))
                .sorted(Comparator.comparing(StageDeadline::adviceRequestId)).toList()) {
            if (claim(overdue)) {
                outbox.publish(overdue.adviceRequestId().toString(), new StageOverdue()
                        .adviceRequestId(overdue.adviceRequestId()).senate(overdue.senate())
                        .requestingOrganisation(overdue.requestingOrganisation()).stage(overdue.stage().value())
                        .dueOn(overdue.dueOn())
                        .links(new AdviceRequestLinks().self("/advice-requests/" + overdue.adviceRequestId())));
                reported++;
            }
        }
        return reported;
    }

    @Scheduled(identity = "stage-overdue-check", every = "${senate.review.overdue-check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = CheckDisabled.class)
    @QuietDuringDatabaseOutage
    void checkScheduled() {
        reportOverdue(LocalDate.now(clock));
    }

    private List<StageDeadline> deadlines(Set<String> senates) {
        Query query = entityManager.createNativeQuery(OPEN + (senates == null ? "" : " AND r.senate IN (:senates)"))
                .setParameter("stages", StageDeadline.STAGES.stream().map(AdviceRequestStatus::value).toList());
        if (senates != null) {
            query.setParameter("senates", senates);
        }
        WorkingDays workingDays = new WorkingDays(config.bankHolidays());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> {
            OpenStage open = new OpenStage((UUID) row[0], (String) row[1], (String) row[2],
                    KebabCase.fromValue(AdviceRequestStatus.class, (String) row[3]), instant(row[4]), date(row[5]),
                    date(row[6]), date(row[7]));
            return StageDeadline.of(open, workingDays, config.stageWorkingDays(open.senate(), open.stage().value()),
                    config.graceWorkingDays(open.senate()));
        }).toList();
    }

    /** True when this stage had not been reported overdue yet (and is now recorded as reported). */
    private boolean claim(StageDeadline overdue) {
        return entityManager.createNativeQuery("INSERT INTO stage_overdue (advice_request_id, stage, entered_at, due_on,"
                + " notified_at) VALUES (:request, :stage, :entered, :due, :now) ON CONFLICT DO NOTHING")
                .setParameter("request", overdue.adviceRequestId())
                .setParameter("stage", overdue.stage().value())
                .setParameter("entered", overdue.since())
                .setParameter("due", overdue.dueOn())
                .setParameter("now", Instant.now(clock))
                .executeUpdate() == 1;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant()
                : value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    /** Skips the check where it is switched off, and while the application starts or stops. */
    @Singleton
    public static class CheckDisabled extends SkipWhenOff {
        @Inject
        ReviewConfig config;

        @Override
        protected boolean enabled() {
            return config.overdueCheckEnabled();
        }
    }
}
