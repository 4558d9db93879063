package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

    /**
     * The check run for this meeting, and the override that answers it: the chair's for this
     * meeting, or the one when they joined.
     */
    @Embedded
    public Clearance clearance;

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
    public static MeetingParticipant of(UUID meetingId, PanelMember onPanel, Clearance check) {
        MeetingParticipant participant = new MeetingParticipant();
        participant.id = UUID.randomUUID();
        participant.meetingId = meetingId;
        participant.memberId = onPanel.memberId;
        participant.name = onPanel.name;
        participant.role = onPanel.role;
        participant.attendance = Attendance.EXPECTED;
        participant.clearance = new Clearance();
        participant.checked(check, onPanel);
        return participant;
    }

    /** The check run again: the clearance it gives, and whether it bars the member (see the class). */
    public void checked(Clearance check, PanelMember onPanel) {
        clearance.checkedAgain(check);
        if (clearance.isClear() || (clearance.isOverridden() && covered(overrideCovers))) {
            barred = false;
        } else if (onPanel.clearance.isOverridden() && covered(onPanel.clearance.messages())) {
            clearance.overrideAs(onPanel.clearance);
            overrideCovers = onPanel.clearance.messages();
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
        clearance.override(justification, by, at);
        overrideCovers = clearance.messages();
        barred = false;
    }

    /** Records their attendance; a barred member cannot attend (409 with the check's reasons). */
    public void record(Attendance recorded, String by, Instant at) {
        if (recorded == Attendance.ATTENDED && barred) {
            List<FieldError> reasons = clearance.messages().stream().map(m -> new FieldError("memberId", m)).toList();
            throw new ProblemException(ProblemType.CONFLICT, name + " is barred from this meeting until the bar is"
                    + " resolved (a check that clears them, or the chair's override): " + String.join("; ",
                            reasons.stream().map(FieldError::getMessage).toList()), reasons, List.of());
        }
        attendance = recorded;
        attendanceRecordedBy = by;
        attendanceRecordedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    private boolean covered(List<String> answered) {
        return answered.containsAll(clearance.messages());
    }
}
