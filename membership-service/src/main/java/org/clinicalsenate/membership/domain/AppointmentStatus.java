package org.clinicalsenate.membership.domain;

import java.util.List;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;

/**
 * Where an appointment is in its life: nominated (or withdrawn, if it will not be approved), then
 * approved (with the approver recorded), then ended, resigned or not renewed. {@code ACTIVE} is never
 * stored: an approved appointment is active from its term start (see {@link Appointment#statusOn}).
 */
public enum AppointmentStatus implements KebabCase {
    NOMINATED, APPROVED, ACTIVE, ENDED, RESIGNED, NOT_RENEWED, WITHDRAWN;

    /** The stored states of an appointment that was approved, whether or not it has ended since. */
    public static final List<AppointmentStatus> SERVED = List.of(APPROVED, ENDED, RESIGNED, NOT_RENEWED);

    /** How an approved appointment ends (the contract's AppointmentOutcome). */
    public static final List<AppointmentStatus> ENDINGS = List.of(ENDED, RESIGNED, NOT_RENEWED);

    /** The stored states an appointment may move to from this one. */
    public List<AppointmentStatus> next() {
        return switch (this) {
            case NOMINATED -> List.of(APPROVED, WITHDRAWN);
            case APPROVED -> ENDINGS;
            default -> List.of();
        };
    }

    /** A 409 problem naming the states that would be allowed, unless {@code target} is one of them. */
    public void requireMayMoveTo(AppointmentStatus target) {
        if (!next().contains(target)) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "An appointment that is " + value() + " cannot become " + target.value()
                            + (next().isEmpty() ? "; it is final" : "; it can become " + next().stream().map(KebabCase::value).toList()),
                    List.of(), next().stream().map(KebabCase::value).toList());
        }
    }

    /** True for the states of an appointment that was approved, whether or not it has ended since. */
    public boolean wasApproved() {
        return SERVED.contains(this);
    }

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<AppointmentStatus> {
        public Db() {
            super(AppointmentStatus.class);
        }
    }
}
