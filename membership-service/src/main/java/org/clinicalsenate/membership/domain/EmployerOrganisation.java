package org.clinicalsenate.membership.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The member's employer by ODS code, and the ICB whose area it sits in (for conflict checks). */
@Embeddable
public class EmployerOrganisation {

    @Column(name = "employer_ods_code")
    public String odsCode;

    @Column(name = "employer_name")
    public String name;

    @Column(name = "employer_icb")
    public String icb;
}
