package org.clinicalsenate.membership.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A senate member's profile. The contact email is personal data: only the member and the admins
 * of their senate see it; it never appears in public output or in events.
 */
@Entity
@Table(name = "member")
public class Member {

    public static final String ENTITY_TYPE = "member";

    @Id
    public UUID id;

    /** The senate that manages this member's record (its admins see the contact details). */
    @Column(nullable = false, updatable = false)
    public String senate;

    @Column(nullable = false)
    public String name;

    @Column(name = "professional_title")
    public String professionalTitle;

    @Column(nullable = false)
    public Profession profession;

    public String specialty;

    @Embedded
    public ProfessionalRegistration registration;

    @Embedded
    public EmployerOrganisation employer;

    @Column(nullable = false)
    public String email;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
