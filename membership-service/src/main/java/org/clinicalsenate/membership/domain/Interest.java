package org.clinicalsenate.membership.domain;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Embeddable;

/** An interest as declared: the same columns in a declaration and in each of its versions. */
@Embeddable
public class Interest {

    @Column(name = "category")
    public InterestCategory category;

    @Column(name = "description")
    public String description;

    @Embedded
    public Counterparty counterparty;

    /** Who holds an indirect interest (e.g. spouse). */
    @Column(name = "relationship")
    public String relationship;

    @Column(name = "interest_start")
    public LocalDate start;

    /** The last day of the interest; null while it continues. */
    @Column(name = "interest_end")
    public LocalDate end;
}
