package org.clinicalsenate.membership.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.clinicalsenate.commons.problem.ProblemException;

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

    /**
     * An admin's decision, once its rules hold (a broken one is a 422 problem naming the field):
     * {@code other} says what the action is; a withheld declaration says why; a published one
     * carries no reason to withhold it.
     */
    public static Review decided(ManagementActionKind action, String actionDetail, Publication publication,
            String withheldReason, String note, String reviewedBy, Instant reviewedAt) {
        if (action == ManagementActionKind.OTHER && isBlank(actionDetail)) {
            throw ProblemException.ruleViolated("managementAction.detail", "is required when the action is other");
        }
        if (publication == Publication.PENDING) {
            throw ProblemException.ruleViolated("publication", "must be published or withheld");
        }
        if (publication == Publication.WITHHELD && isBlank(withheldReason)) {
            throw ProblemException.ruleViolated("withheldReason", "is required when the declaration is withheld");
        }
        if (publication == Publication.PUBLISHED && withheldReason != null) {
            throw ProblemException.ruleViolated("withheldReason", "must be left out when the declaration is published");
        }
        Review review = new Review();
        review.action = action;
        review.actionDetail = actionDetail;
        review.publication = publication;
        review.withheldReason = withheldReason;
        review.note = note;
        review.reviewedBy = reviewedBy;
        review.reviewedAt = reviewedAt;
        return review;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
