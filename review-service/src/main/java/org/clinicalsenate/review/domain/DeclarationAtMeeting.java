package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An interest a panel member declared at the start of a meeting, as membership-service recorded it
 * (its id, who recorded it and when are membership's), so that the review and the member's record
 * show the same facts. Never changed once recorded.
 */
@Entity
@Table(name = "meeting_declaration")
public class DeclarationAtMeeting {

    public static final String ENTITY_TYPE = "meeting-declaration";

    /** membership-service's id of the meeting declaration. */
    @Id
    public UUID id;

    @Column(name = "meeting_id", nullable = false, updatable = false)
    public UUID meetingId;

    @Column(name = "member_id", nullable = false, updatable = false)
    public UUID memberId;

    @Column(nullable = false, updatable = false)
    public String interest;

    @Column(name = "declaration_id", updatable = false)
    public UUID declarationId;

    /** membership's {@code MeetingAction} value. */
    @Column(nullable = false, updatable = false)
    public String action;

    @Column(name = "agenda_item", updatable = false)
    public String agendaItem;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
