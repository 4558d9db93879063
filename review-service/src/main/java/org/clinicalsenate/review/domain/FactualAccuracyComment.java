package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;

/**
 * The sponsor's comment on a matter of fact in the version sent for the factual-accuracy check,
 * tied to a section or to a recommendation, and the panel's answer: accepted with the change made,
 * or not accepted with the reason.
 */
@Entity
@Table(name = "factual_accuracy_comment")
public class FactualAccuracyComment {

    public static final String ENTITY_TYPE = "factual-accuracy-comment";

    /** Whether the panel accepts a comment. */
    public enum Outcome implements KebabCase {
        ACCEPTED, NOT_ACCEPTED;

        @Converter(autoApply = true)
        public static class Db extends KebabCase.ColumnConverter<Outcome> {
            public Db() {
                super(Outcome.class);
            }
        }
    }

    @Id
    public UUID id;

    @Column(name = "advice_request_id", nullable = false, updatable = false)
    public UUID adviceRequestId;

    @Column(name = "version_no", nullable = false, updatable = false)
    public int version;

    @Column(updatable = false)
    public String section;

    @Column(name = "recommendation_no", updatable = false)
    public Integer recommendation;

    @Column(nullable = false, updatable = false)
    public String comment;

    @Column(nullable = false, updatable = false)
    public boolean late;

    @Column(name = "made_by", nullable = false, updatable = false)
    public String madeBy;

    @Column(name = "made_at", nullable = false, updatable = false)
    public Instant madeAt;

    @Column(name = "answer_outcome")
    public Outcome outcome;

    @Column(name = "answer_change")
    public String change;

    @Column(name = "answer_reason")
    public String reason;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /**
     * A comment on {@code sent}, the version sent to the sponsor: on a section or on one of the
     * version's recommendations, exactly one (422 otherwise).
     */
    public static FactualAccuracyComment on(ReportVersion sent, String section, Integer recommendation, String text,
            boolean late, String by, Instant at) {
        if ((section == null) == (recommendation == null)) {
            throw ProblemException.ruleViolated("section", "or recommendation is required, and only one of them");
        }
        if (recommendation != null && !sent.hasRecommendation(recommendation)) {
            throw ProblemException.ruleViolated("recommendation", "is not a recommendation of version " + sent.version
                    + " (it has " + sent.recommendations.size() + ")");
        }
        FactualAccuracyComment comment = new FactualAccuracyComment();
        comment.id = UUID.randomUUID();
        comment.adviceRequestId = sent.adviceRequestId;
        comment.version = sent.version;
        comment.section = section;
        comment.recommendation = recommendation;
        comment.comment = text;
        comment.late = late;
        comment.madeBy = by;
        comment.madeAt = at.truncatedTo(ChronoUnit.MICROS);
        return comment;
    }

    /** The panel's answer, once (409 after): accepted with the change, or not accepted with the reason (422 otherwise). */
    public void answer(Outcome answer, String changeMade, String why, String by, Instant at) {
        if (answeredAt != null) {
            throw new ProblemException(ProblemType.CONFLICT, "This comment was answered already (" + outcome.value()
                    + ", by " + answeredBy + ")", List.of(), List.of());
        }
        if (answer == Outcome.ACCEPTED && (changeMade == null || changeMade.isBlank() || why != null)) {
            throw ProblemException.ruleViolated("change", "is required, and reason is not given, when the comment is accepted");
        }
        if (answer == Outcome.NOT_ACCEPTED && (why == null || why.isBlank() || changeMade != null)) {
            throw ProblemException.ruleViolated("reason", "is required, and change is not given, when the comment is not accepted");
        }
        outcome = answer;
        change = changeMade;
        reason = why;
        answeredBy = by;
        answeredAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    public boolean answered() {
        return answeredAt != null;
    }
}
