package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * Where a request stands, without its content: its status, dates and counts (the database view
 * {@code review_progress}), for those who follow reviews without reading them (assurance).
 */
@Entity
@Immutable
@Table(name = "review_progress")
public class ReviewProgress {

    @Id
    public UUID id;

    public String senate;

    public AdviceRequestKind kind;

    public AdviceRequestStatus status;

    /** When it entered its status (the latest recorded change of status). */
    @Column(name = "status_since")
    public Instant statusSince;

    @Column(name = "short_notice")
    public boolean shortNotice;

    @Column(name = "needed_by")
    public LocalDate neededBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "triaged_at")
    public Instant triagedAt;

    @Column(name = "terms_signed_off_at")
    public Instant termsSignedOffAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "panel_members")
    public int panelMembers;

    @Column(name = "meetings_held")
    public int meetingsHeld;

    @Column(name = "evidence_items")
    public int evidenceItems;

    @Column(name = "information_requests_open")
    public int informationRequestsOpen;
}
