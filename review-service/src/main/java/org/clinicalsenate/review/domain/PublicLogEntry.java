package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A review as the public advice and review log shows it (the database view
 * {@code public_advice_log}, which says which requests are public and their public stage): no
 * personal data and nothing unpublished.
 */
@Entity
@Immutable
@Table(name = "public_advice_log")
public class PublicLogEntry {

    /** The public stages the view gives, in the order a review passes them. */
    public static final List<String> STAGES = List.of("scoping", "under-review", "report-in-preparation",
            "report-issued", "published", "closed", "withdrawn");

    @Id
    public UUID id;

    public String senate;

    public String title;

    public String question;

    @Column(name = "requesting_organisation")
    public String requestingOrganisation;

    public String sponsor;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "area_under_review")
    public List<String> areaUnderReview = new ArrayList<>();

    public AdviceRequestKind kind;

    /** The public stage, as the contract's {@code PublicStage} value. */
    public String stage;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "triaged_at")
    public Instant triagedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_version")
    public Integer publishedVersion;

    /** How many recommendations the published version makes. */
    public Integer recommendations;
}
