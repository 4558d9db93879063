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

import org.clinicalsenate.commons.problem.ProblemException;

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

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A new nomination of the member to a body of their senate, in a role, for a term. */
    public static Appointment nominate(Member member, AppointmentBody body, AppointmentRole role, LocalDate termStart,
            LocalDate termEnd, String nominatedBy, Instant at) {
        Appointment appointment = new Appointment();
        appointment.id = UUID.randomUUID();
        appointment.member = member;
        appointment.senate = member.senate;
        appointment.body = body;
        appointment.role = role;
        appointment.termStart = termStart;
        appointment.termEnd = termEnd;
        appointment.status = AppointmentStatus.NOMINATED;
        appointment.nominatedBy = nominatedBy;
        appointment.createdAt = at;
        appointment.updatedAt = at;
        return appointment;
    }

    /** Approves the nomination (409 with the allowed states unless it is nominated). */
    public void approve(String approver, Instant at) {
        status.requireMayMoveTo(AppointmentStatus.APPROVED);
        status = AppointmentStatus.APPROVED;
        approvedBy = approver;
        approvedAt = at;
        updatedAt = at;
    }

    /**
     * Records how an approved appointment ends ({@code outcome}: ended, resigned or not renewed)
     * and the last day of service, which must fall within the term.
     */
    public void end(AppointmentStatus outcome, LocalDate lastDay, String reason, String recordedBy, Instant at) {
        status.requireMayMoveTo(outcome);
        if (lastDay.isBefore(termStart) || lastDay.isAfter(termEnd)) {
            throw ProblemException.ruleViolated("lastDay", "must be within the term (" + termStart + " to " + termEnd + ")");
        }
        status = outcome;
        endedOn = lastDay;
        endReason = reason;
        endedBy = recordedBy;
        endedAt = at;
        updatedAt = at;
    }

    /** Withdraws a nomination that will not be approved (409 with the allowed states unless it is nominated). */
    public void withdraw(String reason, String recordedBy, Instant at) {
        status.requireMayMoveTo(AppointmentStatus.WITHDRAWN);
        status = AppointmentStatus.WITHDRAWN;
        withdrawalReason = reason;
        withdrawnBy = recordedBy;
        withdrawnAt = at;
        updatedAt = at;
    }

    /** The council's chair: one at a time, and the regional Medical Director's decision. */
    public boolean isCouncilChair() {
        return body == AppointmentBody.COUNCIL && role == AppointmentRole.CHAIR;
    }

    /** True when the two served periods (term start to last day) share a day. */
    public boolean overlaps(Appointment other) {
        return !termStart.isAfter(other.lastDay()) && !other.termStart.isAfter(lastDay());
    }

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
        if (!status.wasApproved()) {
            return status; // nominated or withdrawn
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
