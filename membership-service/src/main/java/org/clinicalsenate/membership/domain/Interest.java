package org.clinicalsenate.membership.domain;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Embeddable;

import org.clinicalsenate.commons.problem.ProblemException;

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

    public static Interest of(InterestCategory category, String description, Counterparty counterparty,
            String relationship, LocalDate start, LocalDate end) {
        Interest interest = new Interest();
        interest.category = category;
        interest.description = description;
        interest.counterparty = counterparty;
        interest.relationship = relationship;
        interest.start = start;
        interest.end = end;
        return interest;
    }

    /** A copy, for a version row: an embedded value belongs to one entity. */
    public Interest copy() {
        return of(category, description,
                counterparty == null ? null : Counterparty.of(counterparty.odsCode, counterparty.name),
                relationship, start, end);
    }

    /** True when no field is filled in: the only "interest" a nil return may carry. */
    public boolean isEmpty() {
        return category == null && description == null && counterparty == null && relationship == null
                && start == null && end == null;
    }

    /**
     * The rules of a declared interest, each broken one a 422 problem naming the contract's field:
     * what it is, what it is about and when it started are required; it cannot end before it
     * started; an indirect interest says whose it is.
     */
    public void check() {
        if (category == null) {
            throw ProblemException.ruleViolated("category", "is required for a declaration of interest");
        }
        if (description == null || description.isBlank()) {
            throw ProblemException.ruleViolated("description", "is required for a declaration of interest");
        }
        if (start == null) {
            throw ProblemException.ruleViolated("interestStart", "is required for a declaration of interest");
        }
        if (end != null && end.isBefore(start)) {
            throw ProblemException.ruleViolated("interestEnd", "must not be before interestStart (" + start + ")");
        }
        if (category == InterestCategory.INDIRECT && (relationship == null || relationship.isBlank())) {
            throw ProblemException.ruleViolated("relationship",
                    "is required for an indirect interest (whose interest it is, e.g. spouse)");
        }
    }
}
