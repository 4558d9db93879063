package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.clinicalsenate.api.common.model.FieldError;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A panel member at one meeting: their clearance for it (the conflict check run again before the
 * meeting, because interests change), whether that bars them from it, a chair's override for it, and
 * their attendance. The rule: a member is barred when the check does not clear them and no override
 * covers its reasons, neither the chair's when they joined the panel nor one for this meeting; a
 * barred member cannot attend until a later check clears them or the chair overrides.
 */
@Entity
@Table(name = "meeting_participant")
public class MeetingParticipant {

    @Id
    public UUID id;

    @Column(name = "meeting_id", nullable = false, updatable = false)
    public UUID meetingId;

    @Column(name = "member_id", nullable = false, updatable = false)
    public UUID memberId;

    @Column(nullable = false, updatable = false)
    public String name;

    @Column(nullable = false, updatable = false)
    public PanelRole role;

    @Column(name = "clearance_outcome", nullable = false)
    public String clearanceOutcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "clearance_reasons", nullable = false)
    public List<PanelMember.Reason> clearanceReasons = new ArrayList<>();

    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;

    /** The override that answers the check: the chair's for this meeting, or the one when they joined. */
    @Column(name = "override_justification")
    public String overrideJustification;

    @Column(name = "overridden_by")
    public String overriddenBy;

    @Column(name = "overridden_at")
    public Instant overriddenAt;

    /** The reasons (their messages) that override answered. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "override_covers", nullable = false)
    public List<String> overrideCovers = new ArrayList<>();

    @Column(nullable = false)
    public boolean barred;

    @Column(nullable = false)
    public Attendance attendance;

    @Column(name = "attendance_recorded_by")
    public String attendanceRecordedBy;

    @Column(name = "attendance_recorded_at")
    public Instant attendanceRecordedAt;

    /** The panel member at the meeting, cleared (or barred) by the check just run. */
    public static MeetingParticipant of(UUID meetingId, PanelMember onPanel, String outcome,
            List<PanelMember.Reason> reasons, Instant at) {
        MeetingParticipant participant = new MeetingParticipant();
        participant.id = UUID.randomUUID();
        participant.meetingId = meetingId;
        participant.memberId = onPanel.memberId;
        participant.name = onPanel.name;
        participant.role = onPanel.role;
        participant.attendance = Attendance.EXPECTED;
        participant.checked(outcome, reasons, at, onPanel);
        return participant;
    }

    /** The check run again: the clearance it gives, and whether it bars the member (see the class). */
    public void checked(String outcome, List<PanelMember.Reason> reasons, Instant at, PanelMember onPanel) {
        clearanceOutcome = outcome;
        clearanceReasons = new ArrayList<>(reasons);
        checkedAt = at.truncatedTo(ChronoUnit.MICROS);
        if (PanelMember.CLEAR.equals(outcome) || (overrideJustification != null && covered(overrideCovers))) {
            barred = false;
        } else if (onPanel.overrideJustification != null && covered(messages(onPanel.clearanceReasons))) {
            overrideJustification = onPanel.overrideJustification;
            overriddenBy = onPanel.overriddenBy;
            overriddenAt = onPanel.overriddenAt;
            overrideCovers = messages(onPanel.clearanceReasons);
            barred = false;
        } else {
            barred = true;
        }
    }

    /** The chair resolves the bar for this meeting, in writing (422 when the member is not barred). */
    public void override(String justification, String by, Instant at) {
        if (!barred) {
            throw ProblemException.ruleViolated("overrides", name + " is not barred from this meeting");
        }
        overrideJustification = justification;
        overriddenBy = by;
        overriddenAt = at.truncatedTo(ChronoUnit.MICROS);
        overrideCovers = messages(clearanceReasons);
        barred = false;
    }

    /** Records their attendance; a barred member cannot attend (409 with the check's reasons). */
    public void record(Attendance recorded, String by, Instant at) {
        if (recorded == Attendance.ATTENDED && barred) {
            List<FieldError> reasons = clearanceReasons.stream().map(r -> new FieldError("memberId", r.message()))
                    .toList();
            throw new ProblemException(ProblemType.CONFLICT, name + " is barred from this meeting until the bar is"
                    + " resolved (a check that clears them, or the chair's override): " + String.join("; ",
                            reasons.stream().map(FieldError::getMessage).toList()), reasons, List.of());
        }
        attendance = recorded;
        attendanceRecordedBy = by;
        attendanceRecordedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    private boolean covered(List<String> answered) {
        return answered.containsAll(messages(clearanceReasons));
    }

    private static List<String> messages(List<PanelMember.Reason> reasons) {
        return reasons.stream().map(PanelMember.Reason::message).toList();
    }
}
