package org.clinicalsenate.notification.domain;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.clinicalsenate.commons.problem.ProblemException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A CloudEvent as first received, and how many times its producer delivered it. Rows are written
 * with {@code INSERT ... ON CONFLICT DO NOTHING} (see the service), never by persisting this entity.
 */
@Entity
@Table(name = "received_event")
public class ReceivedEvent {

    /** The CloudEvent id: what makes a redelivery a redelivery. */
    @Id
    @Column(name = "event_id")
    public String eventId;

    /** Arrival order, assigned by the database. */
    @Column(nullable = false, insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false, updatable = false)
    public String source;

    @Column(nullable = false, updatable = false)
    public String type;

    @Column(updatable = false)
    public String subject;

    @Column(updatable = false)
    public Instant time;

    @Column(updatable = false)
    public String datacontenttype;

    /** The W3C traceparent of the request that caused the event at its producer. */
    @Column(updatable = false)
    public String traceparent;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public Map<String, Object> data;

    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;

    @Column(nullable = false)
    public int deliveries;

    /**
     * Counts a redelivery. A redelivery carries the id, type and source of the first delivery; the
     * same id with another type or source is a different event reusing an id: a conflict, not counted.
     */
    public void redelivered(String type, String source) {
        if (!this.type.equals(type) || !this.source.equals(source)) {
            throw ProblemException.conflict("Event " + eventId + " was already received with type " + this.type
                    + " from " + this.source + "; a new event needs a new id");
        }
        deliveries++;
    }
}
