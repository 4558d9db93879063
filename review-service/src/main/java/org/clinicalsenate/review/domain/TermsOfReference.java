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

import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a request's terms of reference: what the review will answer and how. A change is
 * a new version (never an edit of one); each version is agreed by the sponsor, then signed off by
 * the council. Lists hold the contract's values.
 */
@Entity
@Table(name = "terms_of_reference")
public class TermsOfReference {

    public static final String ENTITY_TYPE = "terms-of-reference";

    /** Where a version stands; {@code SUPERSEDED} is never stored: a later version exists. */
    public enum Status implements KebabCase {
        DRAFT, AGREED, SIGNED_OFF, SUPERSEDED
    }

    @Id
    public UUID id;

    @Column(name = "advice_request_id", nullable = false, updatable = false)
    public UUID adviceRequestId;

    @Column(name = "version_no", nullable = false, updatable = false)
    public int version;

    @Column(nullable = false, updatable = false)
    public String scope;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, updatable = false)
    public List<String> questions = new ArrayList<>();

    @Column(name = "out_of_scope", updatable = false)
    public String outOfScope;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, updatable = false)
    public List<String> methods = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_change_tests", nullable = false, updatable = false)
    public List<String> serviceChangeTests = new ArrayList<>();

    @Column(name = "beds_close", nullable = false, updatable = false)
    public boolean bedsClose;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "panel_dates", nullable = false, updatable = false)
    public List<LocalDate> panelDates = new ArrayList<>();

    @Column(name = "draft_report_by", updatable = false)
    public LocalDate draftReportBy;

    @Column(name = "final_report_by", updatable = false)
    public LocalDate finalReportBy;

    @Column(updatable = false)
    public String confidentiality;

    @Column(name = "drafted_by", nullable = false, updatable = false)
    public String draftedBy;

    @Column(name = "drafted_at", nullable = false, updatable = false)
    public Instant draftedAt;

    @Column(name = "agreed_by")
    public String agreedBy;

    @Column(name = "agreed_at")
    public Instant agreedAt;

    @Column(name = "signed_off_by")
    public String signedOffBy;

    @Column(name = "signed_off_at")
    public Instant signedOffAt;

    @Column(name = "council_meeting_date")
    public LocalDate councilMeetingDate;

    /**
     * Makes this the next version of the request's terms (1 for the first), checking what a version
     * must say: a clinical review assesses test 3, a proposal closing beds test 5, and the final
     * report is not due before the draft (422 naming the field).
     */
    public void draftFor(AdviceRequest request, int version, String draftedBy, Instant at) {
        List<String> tests = serviceChangeTests;
        if (request.kind == AdviceRequestKind.CLINICAL_REVIEW
                && !tests.contains(ServiceChangeTest.TEST_3_CLINICAL_EVIDENCE_BASE.value())) {
            throw ProblemException.ruleViolated("serviceChangeTests",
                    "must include test-3-clinical-evidence-base: a clinical review always assesses it");
        }
        if (bedsClose && !tests.contains(ServiceChangeTest.TEST_5_BED_CLOSURES.value())) {
            throw ProblemException.ruleViolated("serviceChangeTests",
                    "must include test-5-bed-closures: the proposal closes beds");
        }
        if (draftReportBy != null && finalReportBy != null && finalReportBy.isBefore(draftReportBy)) {
            throw ProblemException.ruleViolated("timeline.finalReportBy", "is before the draft report ("
                    + draftReportBy + ")");
        }
        this.id = UUID.randomUUID();
        this.adviceRequestId = request.id;
        this.version = version;
        this.draftedBy = draftedBy;
        this.draftedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** The sponsor agrees this version (409 unless it is a draft). */
    public void agree(String agreedBy, Instant at) {
        requireStatus(Status.DRAFT, "agreed");
        this.agreedBy = agreedBy;
        this.agreedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** The council signs this version off (409 unless it is agreed). */
    public void signOff(String signedOffBy, LocalDate councilMeetingDate, Instant at) {
        requireStatus(Status.AGREED, "signed off");
        this.signedOffBy = signedOffBy;
        this.councilMeetingDate = councilMeetingDate;
        this.signedOffAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** This version's status, given the latest version of the request's terms. */
    public Status status(int latestVersion) {
        if (version < latestVersion) {
            return Status.SUPERSEDED;
        }
        return signedOffAt != null ? Status.SIGNED_OFF : agreedAt != null ? Status.AGREED : Status.DRAFT;
    }

    /** Changes with each version and with each step of a version (an opaque ETag). */
    public long etag() {
        return (long) version * 4 + status(version).ordinal();
    }

    private void requireStatus(Status required, String what) {
        Status status = status(version);
        if (status != required) {
            throw new ProblemException(ProblemType.CONFLICT, "Version " + version + " of the terms of reference is "
                    + status.value() + ", so it cannot be " + what
                    + (status == Status.DRAFT ? ": the sponsor agrees it first" : ""), List.of(), List.of());
        }
    }
}
