package org.clinicalsenate.membership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.clinicalsenate.commons.problem.ProblemException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A regional Clinical Senate: its area (covered ICBs), its period and its predecessors. */
@Entity
@Table(name = "senate")
public class Senate {

    @Id
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String region;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "covered_icbs", nullable = false)
    public List<String> coveredIcbs = new ArrayList<>();

    @Column(name = "active_from", nullable = false)
    public LocalDate activeFrom;

    @Column(name = "active_to")
    public LocalDate activeTo;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> predecessors = new ArrayList<>();

    /** The longest appointment term this senate allows, in years. */
    @Column(name = "max_term_years", nullable = false)
    public int maxTermYears = 3;

    /** How many terms a member may serve back to back on one body. */
    @Column(name = "max_consecutive_terms", nullable = false)
    public int maxConsecutiveTerms = 2;

    /** The council's seats, against which vacancies are counted. */
    @Column(name = "council_seats", nullable = false)
    public int councilSeats = 20;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A senate's period: it cannot end before it starts. */
    public static void checkPeriod(LocalDate activeFrom, LocalDate activeTo) {
        if (activeTo != null && activeFrom != null && activeTo.isBefore(activeFrom)) {
            throw ProblemException.ruleViolated("activeTo", "must not be before activeFrom (" + activeFrom + ")");
        }
    }

    /** A senate cannot succeed itself. */
    public static void checkPredecessors(String slug, List<String> predecessors) {
        if (predecessors.contains(slug)) {
            throw ProblemException.ruleViolated("predecessors", "must not include the senate itself");
        }
    }

    public boolean isActiveOn(LocalDate day) {
        return !activeFrom.isAfter(day) && (activeTo == null || !activeTo.isBefore(day));
    }
}
