package org.clinicalsenate.membership.domain;

import java.util.UUID;

/** A member as a conflict check reads them: who, of which senate, employed where (a projection). */
public record PanelMember(UUID id, String senate, String name, String employerOdsCode, String employerName,
        String employerIcb) {

    /** The employer, or null when the member has none on record. */
    public EmployerOrganisation employer() {
        if (employerOdsCode == null) {
            return null;
        }
        EmployerOrganisation employer = new EmployerOrganisation();
        employer.odsCode = employerOdsCode;
        employer.name = employerName;
        employer.icb = employerIcb;
        return employer;
    }
}
