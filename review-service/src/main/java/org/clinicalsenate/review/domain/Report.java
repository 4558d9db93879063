package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The life of a request's report after its first draft, and the rules of each step: which version
 * went to the sponsor for the factual-accuracy check and when comments are due, the council's
 * endorsement, the issue of the final version, the sponsor's consent to publication, the
 * publication, the sponsor's response to each recommendation, the closure and a reopening. Which
 * step may follow which is the request's status ({@link AdviceRequestStatus}); what each step needs
 * of the report is here.
 */
@Entity
@Table(name = "report")
public class Report {

    /** The sponsor's response to one recommendation; action and owner unless not accepted. Values are the contract's. */
    public record RecommendationResponse(int recommendation, String response, String action, String owner) {
    }

    private static final String NOT_ACCEPTED = "not-accepted";

    @Id
    @Column(name = "advice_request_id")
    public UUID adviceRequestId;

    @Column(name = "latest_version", nullable = false)
    public int latestVersion;

    @Column(name = "fa_version")
    public Integer factualAccuracyVersion;

    @Column(name = "fa_sent_by")
    public String factualAccuracySentBy;

    @Column(name = "fa_sent_at")
    public Instant factualAccuracySentAt;

    @Column(name = "fa_sent_on")
    public LocalDate factualAccuracySentOn;

    @Column(name = "fa_due_on")
    public LocalDate factualAccuracyDueOn;

    @Column(name = "endorsement_decision")
    public EndorsementDecision endorsement;

    @Column(name = "endorsement_meeting_on")
    public LocalDate endorsementMeetingOn;

    @Column(name = "endorsement_note")
    public String endorsementNote;

    @Column(name = "endorsement_version")
    public Integer endorsementVersion;

    @Column(name = "endorsement_by")
    public String endorsementBy;

    @Column(name = "endorsement_at")
    public Instant endorsementAt;

    @Column(name = "issued_version")
    public Integer issuedVersion;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "issued_by")
    public String issuedBy;

    @Column(name = "consent_decision")
    public ConsentDecision consent;

    @Column(name = "consent_given_by")
    public String consentGivenBy;

    @Column(name = "consent_given_on")
    public LocalDate consentGivenOn;

    @Column(name = "consent_recorded_by")
    public String consentRecordedBy;

    @Column(name = "consent_recorded_at")
    public Instant consentRecordedAt;

    @Column(name = "published_version")
    public Integer publishedVersion;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "responses")
    public List<RecommendationResponse> responses;

    @Column(name = "responded_by")
    public String respondedBy;

    @Column(name = "responded_at")
    public Instant respondedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_from")
    public AdviceRequestStatus closedFrom;

    @Column(name = "closure_note")
    public String closureNote;

    @Column(name = "reopened_by")
    public String reopenedBy;

    @Column(name = "reopened_at")
    public Instant reopenedAt;

    @Column(name = "reopen_reason")
    public String reopenReason;

    @Version
    public long version;

    /** The report of a request whose first version was just drafted. */
    public static Report of(UUID adviceRequestId) {
        Report report = new Report();
        report.adviceRequestId = adviceRequestId;
        return report;
    }

    /**
     * Whether a new version may be drafted now, beyond the request's status: after an endorsement
     * with amendments, one version (the amended one).
     */
    public boolean awaitsAmendedVersion() {
        return endorsement == EndorsementDecision.ENDORSED_WITH_AMENDMENTS && latestVersion == endorsementVersion;
    }

    /** Whether the sponsor has seen a draft: it reads the report from then on. */
    public boolean sharedWithSponsor() {
        return factualAccuracySentAt != null;
    }

    /** The latest version went to the sponsor on {@code sentOn}; comments are due on {@code dueOn}. */
    public void sentForFactualAccuracy(LocalDate sentOn, LocalDate dueOn, String by, Instant at) {
        if (!dueOn.isAfter(sentOn)) {
            throw ProblemException.ruleViolated("dueOn", "is not after the day the draft was sent (" + sentOn + ")");
        }
        factualAccuracyVersion = latestVersion;
        factualAccuracySentOn = sentOn;
        factualAccuracyDueOn = dueOn;
        factualAccuracySentBy = by;
        factualAccuracySentAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    public void endorsed(EndorsementDecision decision, LocalDate meetingOn, String note, String by, Instant at) {
        if (decision != EndorsementDecision.ENDORSED && (note == null || note.isBlank())) {
            throw ProblemException.ruleViolated("note", decision == EndorsementDecision.NOT_ENDORSED
                    ? "is required: the council's reasons for not endorsing"
                    : "is required: the amendments the council asked for");
        }
        endorsement = decision;
        endorsementMeetingOn = meetingOn;
        endorsementNote = note;
        endorsementVersion = latestVersion;
        endorsementBy = by;
        endorsementAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** Issues the final version: the one endorsed, or the amended one (409 while it is not drafted). */
    public void issued(LocalDate on, String by) {
        if (awaitsAmendedVersion()) {
            throw conflict("The council endorsed version " + endorsementVersion
                    + " with amendments: draft the amended version before the report is issued");
        }
        issuedVersion = latestVersion;
        issuedOn = on;
        issuedBy = by;
    }

    /** The sponsor's decision on publication; a later one replaces it until the report is published (409 after). */
    public void consent(ConsentDecision decision, String givenBy, LocalDate givenOn, String by, Instant at) {
        if (publishedAt != null) {
            throw conflict("The report is published: the sponsor's consent was recorded before");
        }
        consent = decision;
        consentGivenBy = givenBy;
        consentGivenOn = givenOn;
        consentRecordedBy = by;
        consentRecordedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** Publishes the issued version; only with the sponsor's consent (409 otherwise). */
    public void published(String by, Instant at) {
        if (consent != ConsentDecision.GIVEN) {
            throw conflict(consent == ConsentDecision.REFUSED
                    ? "The sponsor refused consent to publication (recorded by " + consentRecordedBy + ")"
                    : "Publication needs the sponsor's consent: record it first (publication-consent)");
        }
        publishedVersion = issuedVersion;
        publishedBy = by;
        publishedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The sponsor's response to each recommendation of the issued version, once each, with the
     * action planned and its owner unless not accepted (422 naming the item otherwise); once (409).
     */
    public void responded(List<RecommendationResponse> given, ReportVersion issued, String by, Instant at) {
        if (respondedAt != null) {
            throw conflict("The sponsor's response was recorded already (by " + respondedBy + ")");
        }
        Set<Integer> answered = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            RecommendationResponse response = given.get(i);
            String field = "responses[" + i + "]";
            if (!issued.hasRecommendation(response.recommendation())) {
                throw ProblemException.ruleViolated(field + ".recommendation", "is not a recommendation of the report ("
                        + "version " + issued.version + " has " + issued.recommendations.size() + ")");
            }
            if (!answered.add(response.recommendation())) {
                throw ProblemException.ruleViolated(field + ".recommendation", "answers recommendation "
                        + response.recommendation() + " a second time");
            }
            if (!NOT_ACCEPTED.equals(response.response()) && (blank(response.action()) || blank(response.owner()))) {
                throw ProblemException.ruleViolated(field + ".action", "and owner are required: the recommendation is "
                        + response.response());
            }
        }
        if (answered.size() < issued.recommendations.size()) {
            throw ProblemException.ruleViolated("responses", "answers " + answered.size() + " of the report's "
                    + issued.recommendations.size() + " recommendations: every one is answered");
        }
        responses = List.copyOf(given);
        respondedBy = by;
        respondedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    public void closed(AdviceRequestStatus from, String note, String by, Instant at) {
        closedFrom = from;
        closureNote = note;
        closedBy = by;
        closedAt = at.truncatedTo(ChronoUnit.MICROS);
        reopenedBy = null;
        reopenedAt = null;
        reopenReason = null;
    }

    /** Reopens the closed review: the status it returns to is the one it was closed from. */
    public AdviceRequestStatus reopened(String reason, String by, Instant at) {
        reopenReason = reason;
        reopenedBy = by;
        reopenedAt = at.truncatedTo(ChronoUnit.MICROS);
        return closedFrom;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, List.of(), List.of());
    }
}
