package org.clinicalsenate.commons.idempotency;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The first response to an Idempotency-Key, per caller and operation. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    @EmbeddedId
    public Key key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(nullable = false)
    public boolean completed;

    public Integer status;
    public String body;
    public String location;
    public String etag;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Embeddable
    public record Key(
            @Column(name = "principal") String principal,
            @Column(name = "operation") String operation,
            @Column(name = "idempotency_key") String idempotencyKey) implements Serializable {
    }
}
