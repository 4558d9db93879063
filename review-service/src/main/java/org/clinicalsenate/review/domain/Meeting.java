package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.clinicalsenate.commons.problem.ProblemException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A meeting, site visit or interview of a request's panel: when, where, its agenda, and whether it
 * has been held (once a member is recorded as attending). Its participants and the declarations
 * made at it are their own rows.
 */
@Entity
@Table(name = "meeting")
public class Meeting {

    public static final String ENTITY_TYPE = "meeting";

    @Id
    public UUID id;

    @Column(name = "advice_request_id", nullable = false, updatable = false)
    public UUID adviceRequestId;

    @Column(nullable = false, updatable = false)
    public MeetingKind kind;

    @Column(name = "starts_at", nullable = false, updatable = false)
    public Instant startsAt;

    @Column(nullable = false, updatable = false)
    public String place;

    @Column(name = "site_ods_code", updatable = false)
    public String siteOdsCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, updatable = false)
    public List<String> agenda = new ArrayList<>();

    @Column(nullable = false)
    public MeetingStatus status;

    @Column(name = "scheduled_by", nullable = false, updatable = false)
    public String scheduledBy;

    @Column(name = "scheduled_at", nullable = false, updatable = false)
    public Instant scheduledAt;

    @Column(name = "held_at")
    public Instant heldAt;

    @Version
    public long version;

    /** A meeting of the request's panel; a site visit names its site, agenda items differ (422 otherwise). */
    public static Meeting schedule(UUID adviceRequestId, MeetingKind kind, Instant startsAt, String place,
            String siteOdsCode, List<String> agenda, String scheduledBy, Instant at) {
        if (kind == MeetingKind.SITE_VISIT && siteOdsCode == null) {
            throw ProblemException.ruleViolated("siteOdsCode", "is required for a site visit (the site's ODS code)");
        }
        if (new HashSet<>(agenda).size() < agenda.size()) {
            throw ProblemException.ruleViolated("agenda", "names an item twice (declarations name the item they concern)");
        }
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.adviceRequestId = adviceRequestId;
        meeting.kind = kind;
        meeting.startsAt = startsAt.truncatedTo(ChronoUnit.MICROS);
        meeting.place = place;
        meeting.siteOdsCode = siteOdsCode;
        meeting.agenda = new ArrayList<>(agenda);
        meeting.status = MeetingStatus.SCHEDULED;
        meeting.scheduledBy = scheduledBy;
        meeting.scheduledAt = at.truncatedTo(ChronoUnit.MICROS);
        return meeting;
    }

    /** The meeting's day, where the senates are. */
    public LocalDate day(ZoneId zone) {
        return LocalDate.ofInstant(startsAt, zone);
    }

    /** A 409 problem, saying what, before the meeting's day (what happens at a meeting waits for it). */
    public void requireDayReached(LocalDate today, ZoneId zone, String what) {
        if (today.isBefore(day(zone))) {
            throw ProblemException.conflict("Cannot " + what + " before the meeting's day (" + day(zone) + ")");
        }
    }

    /** A 409 problem once the meeting is held: its panel is no longer checked for it. */
    public void requireNotHeld(String what) {
        if (status == MeetingStatus.HELD) {
            throw ProblemException.conflict("Cannot " + what + ": the meeting has been held");
        }
    }

    /** A 422 problem unless the item is on the agenda (or none is named). */
    public void requireOnAgenda(String item) {
        if (item != null && !agenda.contains(item)) {
            throw ProblemException.ruleViolated("agendaItem", "is not on the meeting's agenda (" + item + ")");
        }
    }

    /** The first member recorded as attending makes the meeting held. */
    public void attended(Instant at) {
        if (status != MeetingStatus.HELD) {
            status = MeetingStatus.HELD;
            heldAt = at.truncatedTo(ChronoUnit.MICROS);
        }
    }
}
