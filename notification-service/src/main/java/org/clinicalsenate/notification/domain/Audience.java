package org.clinicalsenate.notification.domain;

import java.util.Set;
import java.util.TreeSet;

import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.commons.security.Roles;

/**
 * Which events an endpoint's owner may see, from the roles and scope claims of their token
 * (docs/architecture.md §5): a platform-admin every event; an assurance-viewer the review events of
 * every senate; a senate-admin or senate-chair the events of their senates; a requester its
 * organisation's review events. Roles add up. Kept with the endpoint, so that fan-out needs no token.
 *
 * @param all          platform-admin
 * @param allReviews   assurance-viewer
 * @param senates      the senates a senate-admin or senate-chair acts for
 * @param organisation a requester's organisation (ODS code), or null
 */
public record Audience(boolean all, boolean allReviews, Set<String> senates, String organisation) {

    public static final String REVIEW_FAMILY = "review";

    public Audience {
        senates = Set.copyOf(senates);
    }

    public static Audience of(Caller caller) {
        boolean admin = caller.hasRole(Roles.SENATE_ADMIN) || caller.hasRole(Roles.SENATE_CHAIR);
        return new Audience(caller.isPlatformAdmin(), caller.hasRole(Roles.ASSURANCE_VIEWER),
                admin ? new TreeSet<>(caller.senates()) : Set.of(),
                caller.hasRole(Roles.REQUESTER) ? caller.organisation().orElse(null) : null);
    }

    /**
     * Whether the owner may see an event of this type, of this senate (or none) and about this
     * organisation's request (or none). The same rule as the fan-out's SQL (FanOut), which a test
     * holds to it.
     */
    public boolean sees(String type, String senate, String organisation) {
        boolean review = REVIEW_FAMILY.equals(family(type));
        return all
                || (review && allReviews)
                || (senate != null && senates.contains(senate))
                || (review && this.organisation != null && this.organisation.equals(organisation));
    }

    /** Whether the owner may see any event of this senate: a senate filter outside it would receive nothing. */
    public boolean seesAnyOf(String senate) {
        return all || allReviews || organisation != null || senates.contains(senate);
    }

    /** Whether the owner may see anything at all. */
    public boolean seesAnything() {
        return all || allReviews || !senates.isEmpty() || organisation != null;
    }

    /** {@code review} of {@code review.advice-request.submitted}. */
    public static String family(String type) {
        int dot = type.indexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }
}
