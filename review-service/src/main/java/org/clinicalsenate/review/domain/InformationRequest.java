package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.clinicalsenate.commons.problem.ProblemException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The panel's request for information to the sponsor, due by a date, and the sponsor's answer. */
@Entity
@Table(name = "information_request")
public class InformationRequest {

    public static final String ENTITY_TYPE = "information-request";

    @Id
    public UUID id;

    @Column(name = "advice_request_id", nullable = false, updatable = false)
    public UUID adviceRequestId;

    @Column(nullable = false, updatable = false)
    public String question;

    @Column(name = "due_by", nullable = false, updatable = false)
    public LocalDate dueBy;

    @Column(name = "asked_by", nullable = false, updatable = false)
    public String askedBy;

    @Column(name = "asked_at", nullable = false, updatable = false)
    public Instant askedAt;

    @Column(name = "answer_text")
    public String answerText;

    /** The items of the evidence register that answer it. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "answer_evidence", nullable = false)
    public List<UUID> answerEvidence = new ArrayList<>();

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Version
    public long version;

    /** Asks the question for the request, due by a day not in the past (422). */
    public static InformationRequest ask(UUID adviceRequestId, String question, LocalDate dueBy, String askedBy,
            LocalDate today, Instant at) {
        if (dueBy.isBefore(today)) {
            throw ProblemException.ruleViolated("dueBy", "is in the past (" + dueBy + ")");
        }
        InformationRequest request = new InformationRequest();
        request.id = UUID.randomUUID();
        request.adviceRequestId = adviceRequestId;
        request.question = question;
        request.dueBy = dueBy;
        request.askedBy = askedBy;
        request.askedAt = at.truncatedTo(ChronoUnit.MICROS);
        return request;
    }

    /** Records the sponsor's answer (409 once answered). */
    public void answer(String text, List<UUID> evidence, String answeredBy, Instant at) {
        if (isAnswered()) {
            throw ProblemException.conflict("This request for information was answered on " + answeredAt);
        }
        this.answerText = text;
        this.answerEvidence = new ArrayList<>(evidence);
        this.answeredBy = answeredBy;
        this.answeredAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    public boolean isAnswered() {
        return answeredAt != null;
    }

    /** Not answered after its due date. */
    public boolean isOverdue(LocalDate today) {
        return !isAnswered() && dueBy.isBefore(today);
    }
}
