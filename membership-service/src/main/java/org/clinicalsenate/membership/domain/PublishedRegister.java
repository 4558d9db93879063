package org.clinicalsenate.membership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.commons.time.Clocks;

/**
 * A senate's published register of interests: its decision-makers (current council members), each
 * once with their most senior role, and their published declarations that are current or ended
 * within the last six months. Dates are England's (the platform clock's zone): the register is a public
 * document read there, and a declaration made at 00:30 BST is declared on that day, not the one before.
 */
public record PublishedRegister(Senate senate, LocalDate asOf, DeclarationRound round,
        List<DecisionMaker> decisionMakers, List<DecisionMaker> noDeclaration) {

    /** How long an ended interest stays on the register. */
    public static final Period SHOWN_AFTER_END = Period.ofMonths(6);

    /** A decision-maker's return: in the current round, or (before a senate's first round) ever. */
    public enum ReturnStatus implements KebabCase {
        DECLARED, NIL_RETURN, NONE
    }

    public record DecisionMaker(Member member, AppointmentRole role, ReturnStatus returnStatus,
            List<PublishedInterest> declarations) {
    }

    /** The register; {@code noDeclaration} is the decision-makers without a return, in the same order. */
    public static PublishedRegister of(Senate senate, LocalDate asOf, DeclarationRound round,
            List<DecisionMaker> decisionMakers) {
        return new PublishedRegister(senate, asOf, round, List.copyOf(decisionMakers),
                decisionMakers.stream().filter(d -> d.returnStatus() == ReturnStatus.NONE).toList());
    }

    public static LocalDate declaredOn(Instant declaredAt) {
        return LocalDate.ofInstant(declaredAt, Clocks.ENGLAND);
    }

    /** An interest that ended before this day is no longer shown on the register of {@code today}. */
    public static LocalDate showsInterestsEndedFrom(LocalDate today) {
        return today.minus(SHOWN_AFTER_END);
    }

    /**
     * Chair first, then vice-chair, then members and patient and public members alike (a patient
     * and public member is a full member of the council), then associates.
     */
    public static int seniority(AppointmentRole role) {
        return switch (role) {
            case CHAIR -> 0;
            case VICE_CHAIR -> 1;
            case MEMBER, PATIENT_PUBLIC_MEMBER -> 2;
            case ASSOCIATE -> 3;
        };
    }

    /**
     * The decision-makers from the council appointments served today (given in name order): each
     * member once, in their most senior role, by seniority and then in the order given.
     */
    public static List<Appointment> decisionMakers(List<Appointment> servingInNameOrder) {
        Map<UUID, Appointment> senior = new LinkedHashMap<>();
        for (Appointment appointment : servingInNameOrder) {
            senior.merge(appointment.member.id, appointment,
                    (kept, other) -> seniority(other.role) < seniority(kept.role) ? other : kept);
        }
        List<Appointment> ordered = new ArrayList<>(senior.values());
        ordered.sort(Comparator.comparingInt(a -> seniority(a.role))); // stable: name order within a rank
        return ordered;
    }
}
