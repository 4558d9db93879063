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
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A member of a request's panel: who (as membership-service described them when they were added),
 * their role, their invitation, and their clearance: the conflict check's outcome and reasons, and
 * a chair's override when the check did not clear them.
 */
@Entity
@Table(name = "panel_member")
public class PanelMember {

    public static final String ENTITY_TYPE = "panel-member";
    public static final String CLEAR = "CLEAR";
    /** membership's profession of a patient and public voice member. */
    public static final String PATIENT_PUBLIC_VOICE = "patient-public-voice";

    /** One reason the conflict check gave. */
    public record Reason(String code, String message) {
    }

    @Id
    public UUID id;

    @Column(name = "advice_request_id", nullable = false, updatable = false)
    public UUID adviceRequestId;

    @Column(name = "member_id", nullable = false, updatable = false)
    public UUID memberId;

    @Column(nullable = false, updatable = false)
    public String name;

    @Column(name = "professional_title", updatable = false)
    public String professionalTitle;

    @Column(nullable = false, updatable = false)
    public String profession;

    @Column(nullable = false, updatable = false)
    public String senate;

    @Column(nullable = false, updatable = false)
    public PanelRole role;

    @Column(nullable = false)
    public InvitationStatus invitation;

    @Column(name = "clearance_outcome", nullable = false)
    public String clearanceOutcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "clearance_reasons", nullable = false)
    public List<Reason> clearanceReasons = new ArrayList<>();

    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;

    @Column(name = "override_justification")
    public String overrideJustification;

    @Column(name = "overridden_by")
    public String overriddenBy;

    @Column(name = "overridden_at")
    public Instant overriddenAt;

    @Column(name = "added_by", nullable = false, updatable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    public Instant addedAt;

    @Version
    public long version;

    /**
     * A member added to the request's panel and invited, with the check's answer; {@code justification}
     * is the chair's override of a check that did not clear them (null when it did).
     */
    public static PanelMember invited(UUID adviceRequestId, UUID memberId, String name, String professionalTitle,
            String profession, String senate, PanelRole role, String outcome, List<Reason> reasons,
            String justification, String addedBy, Instant at) {
        PanelMember member = new PanelMember();
        member.id = UUID.randomUUID();
        member.adviceRequestId = adviceRequestId;
        member.memberId = memberId;
        member.name = name;
        member.professionalTitle = professionalTitle;
        member.profession = profession;
        member.senate = senate;
        member.role = role;
        member.invitation = InvitationStatus.INVITED;
        member.clearanceOutcome = outcome;
        member.clearanceReasons = new ArrayList<>(reasons);
        member.checkedAt = at.truncatedTo(ChronoUnit.MICROS);
        member.addedBy = addedBy;
        member.addedAt = member.checkedAt;
        if (justification != null) {
            member.overrideJustification = justification;
            member.overriddenBy = addedBy;
            member.overriddenAt = member.checkedAt;
        }
        return member;
    }

    public boolean isClear() {
        return CLEAR.equals(clearanceOutcome);
    }

    /** Cleared by the check, or overridden by the chair. */
    public boolean isCleared() {
        return isClear() || overrideJustification != null;
    }

    public boolean declined() {
        return invitation == InvitationStatus.DECLINED;
    }
}
