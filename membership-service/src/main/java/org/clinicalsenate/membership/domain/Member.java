package org.clinicalsenate.membership.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
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

    @Id
    public UUID id;

    /** The senate that manages this member's record (its admins see the contact details). */
    @Column(nullable = false)
    public String senate;

    @Column(nullable = false)
    public String name;

    @Column(name = "professional_title")
    public String professionalTitle;

    /** A value of the contract's Profession vocabulary, e.g. {@code allied-health}. */
    @Column(nullable = false)
    public String profession;

    public String specialty;

    @Column(name = "registration_body")
    public String registrationBody;

    @Column(name = "registration_number")
    public String registrationNumber;

    @Column(name = "employer_ods_code")
    public String employerOdsCode;

    @Column(name = "employer_name")
    public String employerName;

    @Column(nullable = false)
    public String email;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
