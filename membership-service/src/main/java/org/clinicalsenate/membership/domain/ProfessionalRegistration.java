package org.clinicalsenate.membership.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A professional registration, e.g. GMC 7012345. */
@Embeddable
public class ProfessionalRegistration {

    @Column(name = "registration_body")
    public String body;

    @Column(name = "registration_number")
    public String number;
}
