package org.clinicalsenate.membership.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The organisation an interest is in, by ODS code. */
@Embeddable
public class Counterparty {

    @Column(name = "counterparty_ods_code")
    public String odsCode;

    @Column(name = "counterparty_name")
    public String name;

    /** The counterparty of these columns, or null when there is none. */
    public static Counterparty of(String odsCode, String name) {
        if (odsCode == null && name == null) {
            return null;
        }
        Counterparty counterparty = new Counterparty();
        counterparty.odsCode = odsCode;
        counterparty.name = name;
        return counterparty;
    }
}
