package org.clinicalsenate.membership.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The current version of a declaration of interest, or a nil return ("nothing to declare") for a
 * round. Every version, the first included, is also kept as a {@link DeclarationVersion}; nothing
 * is ever deleted.
 */
@Entity
@Table(name = "declaration")
public class Declaration {

    public static final String ENTITY_TYPE = "declaration";

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

    @Version
    public long version;
}
