package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.time.Clocks;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    @Column(name = "requesting_organisation_type", nullable = false, updatable = false)
    public OrganisationType requestingOrganisationType;

    /** The commissioner (ODS code) sponsoring a request from an organisation that is not one. */
    @Column
    public String sponsor;

    @Column(nullable = false)
    public AdviceRequestKind kind;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String question;

    @Column
    public String background;

    /** The ICBs (ODS codes) whose area the proposal covers. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "area_under_review", nullable = false)
    public List<String> areaUnderReview = new ArrayList<>();

    /** The organisations (ODS codes) whose services would change. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "organisations_in_scope", nullable = false)
    public List<String> organisationsInScope = new ArrayList<>();

    @Column(name = "proposal_stage", nullable = false)
    public ProposalStage proposalStage;

    @Column(name = "assurance_stage")
    public AssuranceStage assuranceStage;

    @Column(name = "needed_by", nullable = false)
    public LocalDate neededBy;

    /** A clinical review needed sooner than the senate's notice after it was submitted. */
    @Column(name = "short_notice", nullable = false)
    public boolean shortNotice;

    /** NHS Outcomes Framework domains, as the contract's values. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "outcome_domains", nullable = false)
    public List<String> outcomeDomains = new ArrayList<>();

    @Column
    public String topic;

    /** Personal data: see {@link AdviceRequestAccess#maySeeContact}. */
    @Column(name = "requester_name")
    public String requesterName;

    @Column(name = "requester_email")
    public String requesterEmail;

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

    /** Accepted as confidential: left out of the public advice and review log. */
    @Column(nullable = false)
    public boolean confidential;

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

    /**
     * The rules of intake, checked on submission and on each edit: a requester that is not a
     * commissioner names a sponsor; the advice is not needed in the past; a clinical review needed
     * sooner than the senate's {@code notice} after submission is flagged short notice.
     */
    public void checkIntake(Period notice, LocalDate today) {
        if (sponsor == null && !requestingOrganisationType.isCommissioner()) {
            throw ProblemException.ruleViolated("sponsor", "is required: a " + requestingOrganisationType.value()
                    + " is not a commissioner, so an ICB or NHS England sponsors its request");
        }
        if (neededBy.isBefore(today)) {
            throw ProblemException.ruleViolated("neededBy", "is in the past (" + neededBy + ")");
        }
        LocalDate submittedOn = LocalDate.ofInstant(submittedAt, Clocks.ENGLAND);
        shortNotice = kind == AdviceRequestKind.CLINICAL_REVIEW && neededBy.isBefore(submittedOn.plus(notice));
    }

    /**
     * Applies the submitter's changes until the request is triaged (409 after), then the rules of
     * intake again.
     */
    public void edit(Consumer<AdviceRequest> changes, Period notice, LocalDate today, Instant at) {
        status.requireReceived("be edited");
        changes.accept(this);
        checkIntake(notice, today);
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
        confidential = triage.confidential();
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

    /** The council signed off the terms of reference (409 unless the request is accepted). */
    public void termsAgreed(Instant at) {
        status.requireMayMoveTo(AdviceRequestStatus.TERMS_AGREED);
        status = AdviceRequestStatus.TERMS_AGREED;
        updatedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** The panel was declared formed (409 unless the request's terms are agreed). */
    public void panelFormed(Instant at) {
        status.requireMayMoveTo(AdviceRequestStatus.PANEL_FORMED);
        status = AdviceRequestStatus.PANEL_FORMED;
        updatedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** Evidence arrives for a formed panel: the request is gathering evidence (no change otherwise). */
    public void evidenceArrived(Instant at) {
        if (status == AdviceRequestStatus.PANEL_FORMED) {
            status = AdviceRequestStatus.EVIDENCE_GATHERING;
        }
        updatedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** Moves the request to {@code target} (409 listing the allowed next steps unless it may). */
    public void moveTo(AdviceRequestStatus target, Instant at) {
        status.requireMayMoveTo(target);
        status = target;
        updatedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** Reopens a closed review to the status it was closed from (409 unless it is closed). */
    public void reopen(AdviceRequestStatus closedFrom, Instant at) {
        status.requireIs(AdviceRequestStatus.CLOSED, "be reopened");
        status = closedFrom;
        updatedAt = at.truncatedTo(ChronoUnit.MICROS);
    }
}
