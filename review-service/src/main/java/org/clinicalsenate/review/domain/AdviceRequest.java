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
}
