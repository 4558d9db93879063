package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A request for a senate's advice, from an organisation (ODS code), and where it is in its life. */
@Entity
@Table(name = "advice_request")
public class AdviceRequest {

    public static final String ENTITY_TYPE = "advice-request";

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String senate;

    @Column(name = "requesting_organisation", nullable = false, updatable = false)
    public String requestingOrganisation;

    @Column(nullable = false)
    public AdviceRequestKind kind;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String question;

    @Column(nullable = false)
    public AdviceRequestStatus status;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "triage_decision")
    public TriageDecision triageDecision;

    @Column(name = "lead_member_id")
    public UUID lead;

    @Column(name = "triage_reason")
    public String triageReason;

    @Column(name = "redirected_to_senate")
    public String redirectedToSenate;

    @Column(name = "redirected_to_body")
    public String redirectedToBody;

    @Column(name = "triaged_by")
    public String triagedBy;

    @Column(name = "triaged_at")
    public Instant triagedAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Version
    public long version;

    /**
     * Records the submission: a new id, status {@code received}, who and when. Times keep the
     * database's precision (microseconds), so what the creation answers is what a read returns.
     */
    public void submit(String subject, Instant at) {
        id = UUID.randomUUID();
        status = AdviceRequestStatus.INITIAL;
        submittedBy = subject;
        submittedAt = at.truncatedTo(ChronoUnit.MICROS);
        updatedAt = submittedAt;
    }

    /** Replaces what the submitter may change, until the request is triaged (409 after). */
    public void edit(AdviceRequestKind kind, String title, String question, Instant at) {
        status.requireReceived("be edited");
        this.kind = kind;
        this.title = title;
        this.question = question;
        updatedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** Records the senate's decision (409 unless the request is received; 422 for fields that do not fit). */
    public void triage(Triage triage, String decidedBy, Instant at) {
        triage.requireValidFor(senate);
        status.requireMayMoveTo(triage.decision().outcome());
        status = triage.decision().outcome();
        if (triage.kind() != null) {
            kind = triage.kind();
        }
        triageDecision = triage.decision();
        lead = triage.lead();
        triageReason = triage.reason();
        redirectedToSenate = triage.redirectedToSenate();
        redirectedToBody = triage.redirectedToBody();
        triagedBy = decidedBy;
        triagedAt = at.truncatedTo(ChronoUnit.MICROS);
        updatedAt = triagedAt;
    }

    /** Withdraws the request before its report is issued (409 after, or once it is final). */
    public void withdraw(String reason, String recordedBy, Instant at) {
        status.requireMayMoveTo(AdviceRequestStatus.WITHDRAWN);
        status = AdviceRequestStatus.WITHDRAWN;
        withdrawalReason = reason;
        withdrawnBy = recordedBy;
        withdrawnAt = at.truncatedTo(ChronoUnit.MICROS);
        updatedAt = withdrawnAt;
    }
}
