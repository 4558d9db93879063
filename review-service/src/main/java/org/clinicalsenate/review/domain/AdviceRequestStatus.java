package org.clinicalsenate.review.domain;

import java.util.List;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;

/**
 * Where an advice request is in its life (docs/architecture.md §1), and the one place that says
 * which status may follow which: received, then triaged (accepted, declined or redirected), terms
 * agreed, panel formed, evidence, draft report, factual-accuracy check, endorsement, issue, then
 * publication and the sponsor's response in either order, closed. A council that does not endorse
 * sends the report back to draft. A request may be withdrawn at any time before its report is
 * issued. Only a platform-admin reopens a closed review ({@link AdviceRequest#reopen}), to the
 * status it was closed from. Stored as the contract's value.
 */
public enum AdviceRequestStatus implements KebabCase {
    RECEIVED,
    ACCEPTED,
    DECLINED,
    REDIRECTED,
    TERMS_AGREED,
    PANEL_FORMED,
    EVIDENCE_GATHERING,
    DRAFT_REPORT,
    FACTUAL_ACCURACY_CHECK,
    ENDORSED,
    ISSUED,
    PUBLISHED,
    SPONSOR_RESPONDED,
    CLOSED,
    WITHDRAWN;

    /** The status every request starts in. */
    public static final AdviceRequestStatus INITIAL = RECEIVED;

    /** The statuses this one may move to (none: it is final). */
    public List<AdviceRequestStatus> next() {
        return switch (this) {
            case RECEIVED -> List.of(ACCEPTED, DECLINED, REDIRECTED, WITHDRAWN);
            case ACCEPTED -> List.of(TERMS_AGREED, WITHDRAWN);
            case TERMS_AGREED -> List.of(PANEL_FORMED, WITHDRAWN);
            case PANEL_FORMED -> List.of(EVIDENCE_GATHERING, WITHDRAWN);
            case EVIDENCE_GATHERING -> List.of(DRAFT_REPORT, WITHDRAWN);
            case DRAFT_REPORT -> List.of(FACTUAL_ACCURACY_CHECK, WITHDRAWN);
            case FACTUAL_ACCURACY_CHECK -> List.of(ENDORSED, DRAFT_REPORT, WITHDRAWN);
            case ENDORSED -> List.of(ISSUED, WITHDRAWN);
            case ISSUED -> List.of(PUBLISHED, SPONSOR_RESPONDED, CLOSED);
            case PUBLISHED -> List.of(SPONSOR_RESPONDED, CLOSED);
            case SPONSOR_RESPONDED -> List.of(PUBLISHED, CLOSED);
            case DECLINED, REDIRECTED, CLOSED, WITHDRAWN -> List.of();
        };
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** A 409 problem naming the statuses the request could move to, unless {@code target} is one of them. */
    public void requireMayMoveTo(AdviceRequestStatus target) {
        if (!next().contains(target)) {
            throw notAllowed("cannot become " + target.value());
        }
    }

    /** A 409 problem unless the request is still as submitted (received, not yet triaged). */
    public void requireReceived(String what) {
        requireIs(RECEIVED, what);
    }

    /** A 409 problem, listing the allowed next steps, unless the request is {@code expected}. */
    public void requireIs(AdviceRequestStatus expected, String what) {
        if (this != expected) {
            throw notAllowed("cannot " + what + ": that is only possible "
                    + (expected == RECEIVED ? "until it is triaged" : "while it is " + expected.value()));
        }
    }

    /** A 409 problem, listing the allowed next steps, unless the request is one of {@code expected}. */
    public void requireIn(List<AdviceRequestStatus> expected, String what) {
        if (!expected.contains(this)) {
            throw notAllowed("cannot " + what + ": that is only possible while it is "
                    + String.join(" or ", expected.stream().map(KebabCase::value).toList()));
        }
    }

    private ProblemException notAllowed(String what) {
        List<String> allowed = next().stream().map(KebabCase::value).toList();
        return new ProblemException(ProblemType.CONFLICT, "An advice request that is " + value() + " " + what
                + (allowed.isEmpty() ? "; it is final" : "; it can become " + String.join(", ", allowed)),
                List.of(), allowed);
    }

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<AdviceRequestStatus> {
        public Db() {
            super(AdviceRequestStatus.class);
        }
    }
}
