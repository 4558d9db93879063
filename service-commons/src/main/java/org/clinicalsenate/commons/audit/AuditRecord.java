package org.clinicalsenate.commons.audit;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of the append-only audit log (the database refuses updates and deletes). */
@Entity
@Table(name = "audit_log")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(name = "entity_type", nullable = false, updatable = false)
    public String entityType;

    @Column(name = "entity_id", nullable = false, updatable = false)
    public String entityId;

    @Column(updatable = false)
    public String senate;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public Map<String, Object> changes;
}
