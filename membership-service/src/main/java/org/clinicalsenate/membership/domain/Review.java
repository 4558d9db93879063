package org.clinicalsenate.membership.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An admin's review of a declaration: the management action and the publication decision. */
@Embeddable
public class Review {

    @Column(name = "management_action")
    public ManagementActionKind action;

    /** What the action is, in words (required for {@code other}). */
    @Column(name = "management_action_note")
    public String actionDetail;

    @Column(name = "publication", nullable = false)
    public Publication publication = Publication.PENDING;

    @Column(name = "withheld_reason")
    public String withheldReason;

    /** Internal; never published. */
    @Column(name = "review_note")
    public String note;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;
}
