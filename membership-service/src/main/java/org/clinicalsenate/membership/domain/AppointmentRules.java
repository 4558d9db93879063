package org.clinicalsenate.membership.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.clinicalsenate.commons.problem.ProblemException;

/**
 * A senate's appointment rules, checked when a member is nominated and again when the nomination
 * is approved (the senate may have changed its rules, or another appointment been made, since):
 * a term of at most {@code maxTermYears}; at most {@code maxConsecutiveTerms} back-to-back terms on
 * one body; no two appointments of a member to the same body at once; one chair per council.
 */
public final class AppointmentRules {

    private final int maxTermYears;
    private final int maxConsecutiveTerms;

    public AppointmentRules(int maxTermYears, int maxConsecutiveTerms) {
        this.maxTermYears = maxTermYears;
        this.maxConsecutiveTerms = maxConsecutiveTerms;
    }

    public static AppointmentRules of(Senate senate) {
        return new AppointmentRules(senate.maxTermYears, senate.maxConsecutiveTerms);
    }

    /**
     * @param candidate     the appointment being nominated or approved
     * @param sameBody      the member's appointments to the candidate's body (the candidate itself,
     *                      if listed, and withdrawn nominations are skipped), whatever their status
     * @param councilChairs the senate's council chair appointments (only read for a council chair)
     */
    public void check(Appointment candidate, List<Appointment> sameBody, List<Appointment> councilChairs) {
        checkTerm(candidate.termStart, candidate.termEnd);
        List<Appointment> others = sameBody.stream()
                .filter(a -> !a.id.equals(candidate.id) && a.status != AppointmentStatus.WITHDRAWN).toList();
        checkNoOverlap(candidate, others);
        if (candidate.isCouncilChair()) {
            checkOneChair(candidate, councilChairs);
        }
        checkConsecutiveTerms(candidate, others);
    }

    /** The term ends on or after its start, and lasts at most the senate's maximum. */
    public void checkTerm(LocalDate termStart, LocalDate termEnd) {
        if (termEnd.isBefore(termStart)) {
            throw ProblemException.ruleViolated("termEnd", "must not be before termStart (" + termStart + ")");
        }
        LocalDate latestEnd = termStart.plusYears(maxTermYears).minusDays(1);
        if (termEnd.isAfter(latestEnd)) {
            throw ProblemException.ruleViolated("termEnd", "makes the term longer than the senate's maximum of "
                    + maxTermYears + " years (a term starting " + termStart + " ends by " + latestEnd + ")");
        }
    }

    /** A member holds at most one appointment to a body at a time, nominated or approved (withdrawn ones are skipped). */
    private static void checkNoOverlap(Appointment candidate, List<Appointment> others) {
        for (Appointment other : others) {
            if (candidate.overlaps(other)) {
                throw ProblemException.conflict("The term " + candidate.termStart + " to " + candidate.lastDay()
                        + " overlaps the member's " + other.status.value() + " appointment " + other.id + " to the "
                        + other.body.value() + " (" + other.termStart + " to " + other.lastDay() + ")");
            }
        }
    }

    /** One active chair per council: no approved chair may serve during the candidate's term. */
    private static void checkOneChair(Appointment candidate, List<Appointment> councilChairs) {
        for (Appointment chair : councilChairs) {
            if (!chair.id.equals(candidate.id) && chair.status.wasApproved() && candidate.overlaps(chair)) {
                throw ProblemException.conflict("A council has one active chair: appointment " + chair.id
                        + " is the chair from " + chair.termStart + " to " + chair.lastDay()
                        + ", which overlaps the term " + candidate.termStart + " to " + candidate.termEnd);
            }
        }
    }

    /**
     * Terms are consecutive when one starts by the day after the other's last day; the run of
     * consecutive terms the candidate would join (before, after or between others) may not be
     * longer than the senate allows.
     */
    private void checkConsecutiveTerms(Appointment candidate, List<Appointment> others) {
        List<Appointment> terms = new ArrayList<>(others);
        terms.add(candidate);
        terms.sort(Comparator.comparing((Appointment a) -> a.termStart));
        int run = 0;
        boolean runHasCandidate = false;
        LocalDate runLastDay = null;
        for (Appointment term : terms) {
            if (runLastDay != null && term.termStart.isAfter(runLastDay.plusDays(1))) {
                if (runHasCandidate) {
                    break;
                }
                run = 0;
                runLastDay = null;
            }
            run++;
            runHasCandidate |= term == candidate;
            runLastDay = runLastDay == null || term.lastDay().isAfter(runLastDay) ? term.lastDay() : runLastDay;
        }
        if (run > maxConsecutiveTerms) {
            throw ProblemException.ruleViolated("termStart", "would make " + run + " consecutive terms on the "
                    + candidate.body.value() + "; the senate allows at most " + maxConsecutiveTerms);
        }
    }
}
