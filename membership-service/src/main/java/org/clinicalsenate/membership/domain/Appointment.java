package org.clinicalsenate.membership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A member's appointment to a body of a senate, in a role, for a term. Once approved, the member
 * serves from the term start to the last day: the term end, or the day recorded when it ended early.
 */
@Entity
@Table(name = "appointment")
public class Appointment {

    public static final String ENTITY_TYPE = "appointment";

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id", nullable = false, updatable = false)
    public Member member;

    @Column(nullable = false, updatable = false)
    public String senate;

    @Column(nullable = false, updatable = false)
    public AppointmentBody body;

    @Column(nullable = false, updatable = false)
    public AppointmentRole role;

    @Column(name = "term_start", nullable = false, updatable = false)
    public LocalDate termStart;

    @Column(name = "term_end", nullable = false, updatable = false)
    public LocalDate termEnd;

    /** The stored state (never {@code ACTIVE}; see {@link #statusOn}). */
    @Column(nullable = false)
    public AppointmentStatus status;

    @Column(name = "nominated_by", nullable = false, updatable = false)
    public String nominatedBy;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    /** The last day of service of an appointment that ended, resigned or was not renewed. */
    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The last day the member serves (or would serve) under this appointment. */
    public LocalDate lastDay() {
        return endedOn != null ? endedOn : termEnd;
    }

    /** True when the member sits on the body on that day: approved, and the day within the served period. */
    public boolean servesOn(LocalDate day) {
        return status.wasApproved() && !day.isBefore(termStart) && !day.isAfter(lastDay());
    }

    /**
     * The status as of a day: an approved appointment is {@code approved} before its term,
     * {@code active} while served, and after it {@code ended} (or how it was ended).
     */
    public AppointmentStatus statusOn(LocalDate day) {
        if (status == AppointmentStatus.NOMINATED) {
            return status;
        }
        if (day.isBefore(termStart)) {
            return endedOn == null ? AppointmentStatus.APPROVED : status;
        }
        if (!day.isAfter(lastDay())) {
            return AppointmentStatus.ACTIVE;
        }
        return status == AppointmentStatus.APPROVED ? AppointmentStatus.ENDED : status;
    }
}
