package org.clinicalsenate.membership.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One version of a declaration as it was declared; written once, never changed. */
@Entity
@Table(name = "declaration_version")
@IdClass(DeclarationVersion.Key.class)
public class DeclarationVersion {

    @Id
    @Column(name = "declaration_id", updatable = false)
    public UUID declarationId;

    @Id
    @Column(name = "version_no", updatable = false)
    public int versionNo;

    @Column(name = "nil_return", nullable = false, updatable = false)
    public boolean nilReturn;

    @Embedded
    public Interest interest;

    @Column(name = "declared_at", nullable = false, updatable = false)
    public Instant declaredAt;

    @Column(name = "declared_by", nullable = false, updatable = false)
    public String declaredBy;

    @Column(name = "on_behalf", nullable = false, updatable = false)
    public boolean onBehalf;

    @Column(nullable = false, updatable = false)
    public boolean late;

    public record Key(UUID declarationId, int versionNo) implements Serializable {
    }
}
