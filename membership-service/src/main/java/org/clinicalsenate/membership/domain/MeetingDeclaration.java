package org.clinicalsenate.membership.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An interest declared at the start of a meeting or site visit, and what was done about it. */
@Entity
@Table(name = "meeting_declaration")
public class MeetingDeclaration {

    public static final String ENTITY_TYPE = "meeting-declaration";

    @Id
    public UUID id;

    /** The caller's own reference of the meeting. */
    @Column(name = "meeting_ref", nullable = false, updatable = false)
    public String meetingRef;

    @Column(name = "meeting_kind", nullable = false, updatable = false)
    public MeetingKind meetingKind;

    @Column(nullable = false, updatable = false)
    public String senate;

    @Column(name = "member_id", nullable = false, updatable = false)
    public UUID memberId;

    @Column(name = "declaration_id", updatable = false)
    public UUID declarationId;

    @Column(nullable = false, updatable = false)
    public String interest;

    @Column(nullable = false, updatable = false)
    public MeetingAction action;

    @Column(name = "agenda_item", updatable = false)
    public String agendaItem;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    /** Records it for the meeting: a new id, who recorded it and when (to the database's microsecond). */
    public void record(String meeting, String by, Instant at) {
        id = UUID.randomUUID();
        meetingRef = meeting;
        recordedBy = by;
        recordedAt = at.truncatedTo(ChronoUnit.MICROS);
    }
}
