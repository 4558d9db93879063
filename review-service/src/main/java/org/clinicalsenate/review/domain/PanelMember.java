package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A member of a request's panel: who (as membership-service described them when they were added),
 * their role, their invitation, and their clearance when they joined (the conflict check's answer,
 * and a chair's override when it did not clear them).
 */
@Entity
@Table(name = "panel_member")
public class PanelMember {

    public static final String ENTITY_TYPE = "panel-member";
    /** membership's profession of a patient and public voice member. */
    public static final String PATIENT_PUBLIC_VOICE = "patient-public-voice";

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

    @Embedded
    public Clearance clearance;

    @Column(name = "added_by", nullable = false, updatable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    public Instant addedAt;

    @Version
    public long version;

    /**
     * A member added to the request's panel and invited, with the check's answer and any chair's
     * override of it.
     */
    public static PanelMember invited(UUID adviceRequestId, UUID memberId, String name, String professionalTitle,
            String profession, String senate, PanelRole role, Clearance clearance, String addedBy, Instant at) {
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
        member.clearance = clearance;
        member.addedBy = addedBy;
        member.addedAt = at.truncatedTo(ChronoUnit.MICROS);
        return member;
    }

    public boolean declined() {
        return invitation == InvitationStatus.DECLINED;
    }
}
