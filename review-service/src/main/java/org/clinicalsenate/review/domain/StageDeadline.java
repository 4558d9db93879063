package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.commons.time.Clocks;

/**
 * When the stage an open request is in (its status) is due, and the grace the senate allows after
 * it: the one place that says where a stage's due date comes from.
 *
 * @param since      when the request entered the stage
 * @param graceUntil the last day of the senate's grace period (not shown to sponsors)
 */
public record StageDeadline(UUID adviceRequestId, String senate, String requestingOrganisation,
        AdviceRequestStatus stage, Instant since, LocalDate dueOn, Source dueFrom, LocalDate graceUntil) {

    /** Where a due date comes from. */
    public enum Source implements KebabCase {
        FACTUAL_ACCURACY_CHECK, TERMS_OF_REFERENCE, SENATE_DEFAULT
    }

    /** The stages that have a due date: an open request's statuses before it is closed. */
    public static final List<AdviceRequestStatus> STAGES = List.of(AdviceRequestStatus.RECEIVED,
            AdviceRequestStatus.ACCEPTED, AdviceRequestStatus.TERMS_AGREED, AdviceRequestStatus.PANEL_FORMED,
            AdviceRequestStatus.EVIDENCE_GATHERING, AdviceRequestStatus.DRAFT_REPORT,
            AdviceRequestStatus.FACTUAL_ACCURACY_CHECK, AdviceRequestStatus.ENDORSED, AdviceRequestStatus.ISSUED);

    /**
     * What is known of an open request's stage: the dates the terms of reference and the
     * factual-accuracy check set (each may be null).
     */
    public record OpenStage(UUID adviceRequestId, String senate, String requestingOrganisation,
            AdviceRequestStatus stage, Instant since, LocalDate draftReportBy, LocalDate finalReportBy,
            LocalDate factualAccuracyDueOn) {
    }

    /**
     * The stage's due date: the factual-accuracy check's date given to the sponsor; the terms of
     * reference's draft date while evidence is gathered and the report drafted, their final date
     * once endorsed; otherwise {@code defaultWorkingDays} working days after the stage began. The
     * grace period is {@code graceWorkingDays} working days after it.
     */
    public static StageDeadline of(OpenStage open, WorkingDays workingDays, int defaultWorkingDays,
            int graceWorkingDays) {
        LocalDate set = switch (open.stage()) {
            case FACTUAL_ACCURACY_CHECK -> open.factualAccuracyDueOn();
            case EVIDENCE_GATHERING, DRAFT_REPORT -> open.draftReportBy();
            case ENDORSED -> open.finalReportBy();
            default -> null;
        };
        Source source = set == null ? Source.SENATE_DEFAULT
                : open.stage() == AdviceRequestStatus.FACTUAL_ACCURACY_CHECK ? Source.FACTUAL_ACCURACY_CHECK
                        : Source.TERMS_OF_REFERENCE;
        LocalDate due = set != null ? set
                : workingDays.after(LocalDate.ofInstant(open.since(), Clocks.ENGLAND), defaultWorkingDays);
        return new StageDeadline(open.adviceRequestId(), open.senate(), open.requestingOrganisation(), open.stage(),
                open.since(), due, source, workingDays.after(due, graceWorkingDays));
    }

    /** Past its due date on {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return today.isAfter(dueOn);
    }
}
