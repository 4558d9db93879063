package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * membership-service's conflict check of a reviewer (its outcome and reasons, and when it was run),
 * and the senate chair's written override when it did not clear them: kept with a panel member
 * when they joined, and with each meeting's participant when the panel is checked again.
 */
@Embeddable
public class Clearance {

    public static final String CLEAR = "CLEAR";

    /** One reason the conflict check gave. */
    public record Reason(String code, String message) {
    }

    @Column(name = "clearance_outcome", nullable = false)
    public String outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "clearance_reasons", nullable = false)
    public List<Reason> reasons = new ArrayList<>();

    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;

    @Column(name = "override_justification")
    public String overrideJustification;

    @Column(name = "overridden_by")
    public String overriddenBy;

    @Column(name = "overridden_at")
    public Instant overriddenAt;

    /** The check's answer, given at {@code at}. */
    public static Clearance checked(String outcome, List<Reason> reasons, Instant at) {
        Clearance clearance = new Clearance();
        clearance.outcome = outcome;
        clearance.reasons = new ArrayList<>(reasons);
        clearance.checkedAt = at.truncatedTo(ChronoUnit.MICROS);
        return clearance;
    }

    /** The check answered again; an override stays (whether it still answers is the caller's rule). */
    public void checkedAgain(Clearance check) {
        outcome = check.outcome;
        reasons = new ArrayList<>(check.reasons);
        checkedAt = check.checkedAt;
    }

    /** The chair's written override of a check that did not clear. */
    public void override(String justification, String by, Instant at) {
        overrideJustification = justification;
        overriddenBy = by;
        overriddenAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** Takes {@code other}'s override (the one that answers this check). */
    public void overrideAs(Clearance other) {
        overrideJustification = other.overrideJustification;
        overriddenBy = other.overriddenBy;
        overriddenAt = other.overriddenAt;
    }

    public boolean isClear() {
        return CLEAR.equals(outcome);
    }

    public boolean isOverridden() {
        return overrideJustification != null;
    }

    /** Cleared by the check, or overridden by the chair. */
    public boolean isCleared() {
        return isClear() || isOverridden();
    }

    /** The reasons' messages (what an override answers). */
    public List<String> messages() {
        return reasons.stream().map(Reason::message).toList();
    }
}
