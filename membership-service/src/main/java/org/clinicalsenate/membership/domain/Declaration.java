package org.clinicalsenate.membership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.clinicalsenate.commons.time.Clocks;

/**
 * The current version of a declaration of interest, or a nil return ("nothing to declare") for a
 * round. Every version, the first included, is also kept as a {@link DeclarationVersion}; nothing
 * is ever deleted.
 */
@Entity
@Table(name = "declaration")
public class Declaration {

    public static final String ENTITY_TYPE = "declaration";

    /** An interest declared more than this many days after it started is late (NHS England guidance). */
    public static final int DAYS_TO_DECLARE = 28;

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false, updatable = false)
    public UUID memberId;

    /** The member's senate, for scoping. */
    @Column(nullable = false, updatable = false)
    public String senate;

    /** The round the declaration counts for: the senate's current round when it was last declared. */
    @Column(name = "round_id")
    public UUID roundId;

    @Column(name = "nil_return", nullable = false, updatable = false)
    public boolean nilReturn;

    @Embedded
    public Interest interest;

    /** When the current version was declared. */
    @Column(name = "declared_at", nullable = false)
    public Instant declaredAt;

    @Column(name = "first_declared_at", nullable = false, updatable = false)
    public Instant firstDeclaredAt;

    @Column(name = "declared_by", nullable = false)
    public String declaredBy;

    @Column(name = "on_behalf", nullable = false)
    public boolean onBehalf;

    @Column(nullable = false)
    public boolean late;

    /** The number of the current version (1 for a new declaration). */
    @Column(name = "version_no", nullable = false)
    public int versionNo;

    @Embedded
    public Review review = new Review();

    /**
     * What the public register shows: the version last published, with the action decided for it.
     * An amendment leaves it until the amendment is reviewed; withholding takes it off.
     */
    @Column(name = "published_version_no")
    public Integer publishedVersionNo;

    @Column(name = "published_action")
    public ManagementActionKind publishedAction;

    @Column(name = "published_action_detail")
    public String publishedActionDetail;

    @Version
    public long version;

    /** A new declaration of an interest (version 1), counting for the round if one is open; it waits for review. */
    public static Declaration ofInterest(UUID memberId, String senate, UUID roundId, Interest interest,
            String declaredBy, boolean onBehalf, Instant at) {
        interest.check();
        Declaration declaration = firstVersion(memberId, senate, roundId, declaredBy, onBehalf, at);
        declaration.interest = interest;
        declaration.late = isLate(interest.start, at);
        return declaration;
    }

    /**
     * A nil return ("nothing to declare") for the senate's open round: it carries no interest, and
     * there is nothing in it to review or withhold, so it is published as made.
     */
    public static Declaration nilReturn(UUID memberId, String senate, UUID roundId, Interest interest,
            String declaredBy, boolean onBehalf, Instant at) {
        if (interest != null && !interest.isEmpty()) {
            throw ProblemException.ruleViolated("nilReturn",
                    "declares nothing: leave out the interest fields, or declare the interest without nilReturn");
        }
        if (roundId == null) {
            throw new ProblemException(ProblemType.RULE_VIOLATED,
                    "No declaration round is open for senate " + senate + "; a nil return is made for a round");
        }
        Declaration declaration = firstVersion(memberId, senate, roundId, declaredBy, onBehalf, at);
        declaration.nilReturn = true;
        declaration.review.publication = Publication.PUBLISHED;
        return declaration;
    }

    /**
     * Replaces the interest with a new version, declared now and counting for the round open now.
     * Lateness was settled by the first declaration and stays. The new version goes back to review
     * (the earlier review was of what is no longer declared; it stays in the audit log), while the
     * register keeps showing the version last published until the new one is reviewed.
     */
    public void amend(Interest amended, UUID currentRoundId, String by, boolean byOnBehalf, Instant at) {
        if (nilReturn) {
            throw new ProblemException(ProblemType.RULE_VIOLATED,
                    "A nil return cannot be amended; declare the interest instead");
        }
        amended.check();
        interest = amended;
        roundId = currentRoundId;
        declaredBy = by;
        onBehalf = byOnBehalf;
        declaredAt = at.truncatedTo(ChronoUnit.MICROS);
        versionNo++;
        review = new Review();
    }

    /** Records an admin's review; it never changes what was declared. */
    public void recordReview(ManagementActionKind action, String actionDetail, Publication publication,
            String withheldReason, String note, String reviewedBy, Instant at) {
        if (nilReturn) {
            throw new ProblemException(ProblemType.RULE_VIOLATED, "A nil return needs no review");
        }
        review = Review.decided(action, actionDetail, publication, withheldReason, note, reviewedBy,
                at.truncatedTo(ChronoUnit.MICROS));
        boolean published = publication == Publication.PUBLISHED;
        publishedVersionNo = published ? versionNo : null;
        publishedAction = published ? action : null;
        publishedActionDetail = published ? actionDetail : null;
    }

    /** The current version as a history row. */
    public DeclarationVersion currentVersion() {
        DeclarationVersion version = new DeclarationVersion();
        version.declarationId = id;
        version.versionNo = versionNo;
        version.nilReturn = nilReturn;
        version.interest = interest == null ? null : interest.copy();
        version.declaredAt = declaredAt;
        version.declaredBy = declaredBy;
        version.onBehalf = onBehalf;
        version.late = late;
        return version;
    }

    /** Late: first declared more than {@value #DAYS_TO_DECLARE} days after the interest started (days in England). */
    public static boolean isLate(LocalDate interestStart, Instant firstDeclaredAt) {
        LocalDate declaredOn = LocalDate.ofInstant(firstDeclaredAt, Clocks.ENGLAND);
        return declaredOn.isAfter(interestStart.plusDays(DAYS_TO_DECLARE));
    }

    private static Declaration firstVersion(UUID memberId, String senate, UUID roundId, String declaredBy,
            boolean onBehalf, Instant at) {
        Declaration declaration = new Declaration();
        declaration.id = UUID.randomUUID();
        declaration.memberId = memberId;
        declaration.senate = senate;
        declaration.roundId = roundId;
        // the database keeps microseconds: what the creation answers is what a read returns
        declaration.declaredAt = at.truncatedTo(ChronoUnit.MICROS);
        declaration.firstDeclaredAt = declaration.declaredAt;
        declaration.declaredBy = declaredBy;
        declaration.onBehalf = onBehalf;
        declaration.versionNo = 1;
        return declaration;
    }
}
