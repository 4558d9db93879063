package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.clinicalsenate.commons.problem.ProblemException;

/**
 * An item of a review's evidence register: what it is, who provided it and when, where it is held
 * and its SHA-256 digest (the platform does not hold documents). Never changed once recorded.
 */
@Entity
@Table(name = "evidence")
public class Evidence {

    public static final String ENTITY_TYPE = "evidence";

    @Id
    public UUID id;

    @Column(name = "advice_request_id", nullable = false, updatable = false)
    public UUID adviceRequestId;

    @Column(nullable = false, updatable = false)
    public String title;

    /** The contract's value (an open list). */
    @Column(nullable = false, updatable = false)
    public String kind;

    @Column(name = "provided_by", nullable = false, updatable = false)
    public String providedBy;

    @Column(name = "provided_on", nullable = false, updatable = false)
    public LocalDate providedOn;

    @Column(nullable = false, updatable = false)
    public String link;

    @Column(nullable = false, updatable = false)
    public String sha256;

    @Column(name = "added_by", nullable = false, updatable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    public Instant addedAt;

    /** Records the item for the request: it cannot have been provided after today (422). */
    public void recordFor(UUID adviceRequestId, String addedBy, LocalDate today, Instant at) {
        if (providedOn.isAfter(today)) {
            throw ProblemException.ruleViolated("providedOn", "is in the future (" + providedOn + ")");
        }
        this.id = UUID.randomUUID();
        this.adviceRequestId = adviceRequestId;
        this.addedBy = addedBy;
        this.addedAt = at.truncatedTo(ChronoUnit.MICROS);
    }
}
