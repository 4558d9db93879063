package org.clinicalsenate.membership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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

    /**
     * What only a platform-admin may change of a senate (its governance, set nationally): when it
     * is active, whom it took over from, its appointment rules and council seats. A senate's own
     * admins may correct its name, region and covered ICBs.
     */
    public record Governance(LocalDate activeFrom, LocalDate activeTo, List<String> predecessors, int maxTermYears,
            int maxConsecutiveTerms, int councilSeats) {

        /** The contract's names of the fields that differ from {@code before}. */
        public List<String> changedFrom(Governance before) {
            List<String> changed = new ArrayList<>();
            if (!Objects.equals(activeFrom, before.activeFrom)) {
                changed.add("activeFrom");
            }
            if (!Objects.equals(activeTo, before.activeTo)) {
                changed.add("activeTo");
            }
            if (!Set.copyOf(predecessors).equals(Set.copyOf(before.predecessors))) {
                changed.add("predecessors");
            }
            if (maxTermYears != before.maxTermYears) {
                changed.add("appointmentRules.maxTermYears");
            }
            if (maxConsecutiveTerms != before.maxConsecutiveTerms) {
                changed.add("appointmentRules.maxConsecutiveTerms");
            }
            if (councilSeats != before.councilSeats) {
                changed.add("appointmentRules.councilSeats");
            }
            return changed;
        }
    }

    public Governance governance() {
        return new Governance(activeFrom, activeTo, List.copyOf(predecessors), maxTermYears, maxConsecutiveTerms,
                councilSeats);
    }

    public boolean isActiveOn(LocalDate day) {
        return !activeFrom.isAfter(day) && (activeTo == null || !activeTo.isBefore(day));
    }
}
