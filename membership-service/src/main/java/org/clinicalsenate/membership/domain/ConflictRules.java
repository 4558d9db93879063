package org.clinicalsenate.membership.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.clinicalsenate.commons.domain.KebabCase;

/**
 * Whether a member may sit on a review panel. {@code CONFLICTED} when employed by an organisation
 * in scope, when the employer is in the reviewed area (nobody reviews their own trust or ICB), or
 * when a declared interest names an organisation in scope or in the area and was active within the
 * lookback window; otherwise {@code UNDECLARED} when the member has not made their return in their
 * senate's current round; otherwise {@code CLEAR}. Every reason that applies is given, in words.
 */
public final class ConflictRules {

    public enum Outcome {
        CLEAR, CONFLICTED, UNDECLARED
    }

    public enum ReasonCode implements KebabCase {
        EMPLOYED_BY_ORGANISATION_IN_SCOPE, EMPLOYER_IN_REVIEWED_AREA, DECLARED_INTEREST_IN_ORGANISATION,
        NO_DECLARATION_IN_CURRENT_ROUND;

        /** True for the reasons that make a member conflicted (a missing return only leaves them undeclared). */
        public boolean conflicts() {
            return this != NO_DECLARATION_IN_CURRENT_ROUND;
        }
    }

    /** One reason, with the organisation (ODS code) and declaration it is about, when there is one. */
    public record Reason(ReasonCode code, String message, String organisation, UUID declarationId) {
    }

    public record Result(Outcome outcome, List<Reason> reasons) {
    }

    /**
     * What a panel is checked against: the organisations in scope of the review, the ICBs whose area
     * is reviewed (ODS codes), the day of the check and how far back declared interests count.
     */
    public record Scope(Set<String> organisations, Set<String> area, LocalDate date, Period lookback) {

        public Scope {
            organisations = Set.copyOf(organisations);
            area = Set.copyOf(area);
        }

        /** The first day of the window: an interest that ended before it no longer counts. */
        public LocalDate lookbackFrom() {
            return date.minus(lookback);
        }

        /** True for an organisation a declared interest must not name: one in scope or a reviewed ICB. */
        public boolean concerns(String odsCode) {
            return organisations.contains(odsCode) || area.contains(odsCode);
        }

        /** The organisations a declared interest must not name: those in scope and the reviewed ICBs. */
        public Set<String> namedOrganisations() {
            Set<String> named = new LinkedHashSet<>(organisations);
            named.addAll(area);
            return named;
        }
    }

    private ConflictRules() {
    }

    /**
     * The outcome for one member.
     *
     * @param employer the member's employer (null or without an ODS code when they have none)
     * @param declarations the member's declared interests (interests in other organisations are
     *        ignored, so passing more than those naming the organisations is harmless)
     * @param outstandingRound the senate's current round when the member has made no return in it, else null
     */
    public static Result check(EmployerOrganisation employer, List<DeclaredInterest> declarations,
            DeclarationRound outstandingRound, Scope scope) {
        List<Reason> reasons = new ArrayList<>();
        if (employer != null && employer.odsCode != null) {
            String employed = "Employed by " + organisation(employer.odsCode, employer.name);
            if (scope.organisations().contains(employer.odsCode)) {
                reasons.add(new Reason(ReasonCode.EMPLOYED_BY_ORGANISATION_IN_SCOPE,
                        employed + ", an organisation in scope", employer.odsCode, null));
            }
            if (scope.area().contains(employer.odsCode)) {
                reasons.add(new Reason(ReasonCode.EMPLOYER_IN_REVIEWED_AREA,
                        employed + ", whose area is under review", employer.odsCode, null));
            } else if (employer.icb != null && scope.area().contains(employer.icb)) {
                reasons.add(new Reason(ReasonCode.EMPLOYER_IN_REVIEWED_AREA,
                        employed + ", inside the area of " + employer.icb + " under review", employer.odsCode, null));
            }
        }
        for (DeclaredInterest declaration : declarations) {
            if (namesOrganisationWithinWindow(declaration, scope)) {
                reasons.add(declaredInterest(declaration, scope));
            }
        }
        if (outstandingRound != null) {
            reasons.add(new Reason(ReasonCode.NO_DECLARATION_IN_CURRENT_ROUND,
                    "Made no declaration (nor a nil return) in the " + outstandingRound.senate + " "
                            + outstandingRound.year + " round, due " + outstandingRound.dueDate,
                    null, null));
        }
        Outcome outcome = reasons.stream().anyMatch(r -> r.code().conflicts()) ? Outcome.CONFLICTED
                : reasons.isEmpty() ? Outcome.CLEAR : Outcome.UNDECLARED;
        return new Result(outcome, List.copyOf(reasons));
    }

    /**
     * An interest counts whatever its publication (withheld and unreviewed ones too) when it names an
     * organisation in scope or in the area and had begun by the day of the check and not ended
     * before the window. An interest with no recorded start is taken to have begun.
     */
    static boolean namesOrganisationWithinWindow(DeclaredInterest declaration, Scope scope) {
        Interest interest = declaration.interest();
        if (interest == null || interest.counterparty == null
                || !scope.concerns(interest.counterparty.odsCode)) {
            return false;
        }
        boolean begun = interest.start == null || !interest.start.isAfter(scope.date());
        boolean endedBeforeWindow = interest.end != null && interest.end.isBefore(scope.lookbackFrom());
        return begun && !endedBeforeWindow;
    }

    private static Reason declaredInterest(DeclaredInterest declaration, Scope scope) {
        Interest interest = declaration.interest();
        StringBuilder message = new StringBuilder("Declared ").append(inWords(interest.category)).append(" interest");
        if (interest.relationship != null) {
            message.append(" (").append(interest.relationship).append(')');
        }
        String ods = interest.counterparty.odsCode;
        message.append(" in ").append(organisation(ods, interest.counterparty.name));
        if (interest.start != null) {
            message.append(", active from ").append(interest.start);
        }
        if (interest.end != null) {
            message.append(interest.start != null ? " to " : ", active until ").append(interest.end);
        }
        if (!scope.organisations().contains(ods)) {
            message.append("; its area is under review");
        }
        return new Reason(ReasonCode.DECLARED_INTEREST_IN_ORGANISATION, message.toString(), ods,
                declaration.declarationId());
    }

    private static String inWords(InterestCategory category) {
        return switch (category) {
            case FINANCIAL -> "a financial";
            case NON_FINANCIAL_PROFESSIONAL -> "a non-financial professional";
            case NON_FINANCIAL_PERSONAL -> "a non-financial personal";
            case INDIRECT -> "an indirect";
        };
    }

    private static String organisation(String odsCode, String name) {
        return name == null || name.isBlank() ? odsCode : odsCode + " (" + name + ")";
    }
}
