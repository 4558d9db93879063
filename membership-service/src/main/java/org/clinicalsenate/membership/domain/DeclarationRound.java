package org.clinicalsenate.membership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.clinicalsenate.commons.problem.ProblemException;

/**
 * A senate's annual declaration round. The round of the senate's latest year is its current
 * round: declarations made while it is current count for it.
 */
@Entity
@Table(name = "declaration_round")
public class DeclarationRound {

    public static final String ENTITY_TYPE = "declaration-round";

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String senate;

    @Column(nullable = false, updatable = false)
    public int year;

    @Column(name = "due_date", nullable = false, updatable = false)
    public LocalDate dueDate;

    @Column(name = "opened_by", nullable = false, updatable = false)
    public String openedBy;

    @Column(name = "opened_at", nullable = false, updatable = false)
    public Instant openedAt;

    /** A round as a query reads it (not managed, and without who opened it and when). */
    public static DeclarationRound of(UUID id, String senate, int year, LocalDate dueDate) {
        DeclarationRound round = new DeclarationRound();
        round.id = id;
        round.senate = senate;
        round.year = year;
        round.dueDate = dueDate;
        return round;
    }

    /** The day whose appointments say who must make a return: the due date, or today if earlier. */
    public LocalDate membershipDay(LocalDate today) {
        return dueDate.isBefore(today) ? dueDate : today;
    }

    /**
     * Opens a senate's round for a year. The due date falls in that year or the next (a round
     * for 2026 may be due at the end of the 2026/27 financial year, but not in 2025 or 2028).
     */
    public static DeclarationRound open(String senate, int year, LocalDate dueDate, String openedBy, Instant at) {
        if (dueDate.getYear() != year && dueDate.getYear() != year + 1) {
            throw ProblemException.ruleViolated("dueDate", "must fall in " + year + " or " + (year + 1));
        }
        DeclarationRound round = new DeclarationRound();
        round.id = UUID.randomUUID();
        round.senate = senate;
        round.year = year;
        round.dueDate = dueDate;
        round.openedBy = openedBy;
        round.openedAt = at.truncatedTo(ChronoUnit.MICROS);
        return round;
    }
}
