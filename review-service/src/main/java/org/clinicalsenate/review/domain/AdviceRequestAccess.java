package org.clinicalsenate.review.domain;

import static org.clinicalsenate.commons.security.Roles.ASSURANCE_VIEWER;
import static org.clinicalsenate.commons.security.Roles.PLATFORM_ADMIN;
import static org.clinicalsenate.commons.security.Roles.REQUESTER;
import static org.clinicalsenate.commons.security.Roles.SENATE_ADMIN;
import static org.clinicalsenate.commons.security.Roles.SENATE_CHAIR;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;

/**
 * Which advice requests a caller may submit and see: the scope rules of advice requests, in one
 * place. A requester acts for its own organisation (the {@code org} claim); a senate-admin or
 * chair for the senates of its {@code senates} claim; a platform-admin for all; an
 * assurance-viewer follows every request's progress (status, dates, counts) without reading its
 * content, and submits nothing. A caller with several roles gets the union.
 * Which roles may call an operation at all is {@code @RolesAllowed} on the resource.
 *
 * @param roles        the caller's roles
 * @param organisation the ODS code of a requester's organisation
 * @param senates      the senates a senate-admin or chair administers
 */
public record AdviceRequestAccess(Set<String> roles, Optional<String> organisation, Set<String> senates) {

    private static final Set<String> SCOPING_ROLES = Set.of(PLATFORM_ADMIN, SENATE_ADMIN, SENATE_CHAIR, REQUESTER,
            ASSURANCE_VIEWER);

    public AdviceRequestAccess {
        roles = Set.copyOf(roles);
        senates = Set.copyOf(senates);
    }

    public static AdviceRequestAccess of(Caller caller) {
        Set<String> roles = SCOPING_ROLES.stream().filter(caller::hasRole).collect(Collectors.toUnmodifiableSet());
        return new AdviceRequestAccess(roles, caller.organisation(), caller.senates());
    }

    /** Throws a 403 problem unless the caller may submit a request for this organisation to this senate. */
    public void requireMaySubmit(String senate, String requestingOrganisation) {
        if (roles.contains(PLATFORM_ADMIN) || administers(senate) || actsFor(requestingOrganisation)) {
            return;
        }
        if (roles.contains(REQUESTER) && !administersAnySenate()) {
            throw ProblemException.forbidden(
                    "Your token does not allow submitting for organisation " + requestingOrganisation);
        }
        throw ProblemException.forbidden("Your token does not give access to senate " + senate);
    }

    /**
     * Throws a 403 problem unless the caller may change the request as its submitter may (edit,
     * withdraw): a requester of its organisation or of its sponsor, its senate's admins and chairs,
     * platform-admin.
     */
    public void requireMayChange(AdviceRequest request) {
        if (!(mayChange(request.senate, request.requestingOrganisation) || actsFor(request.sponsor))) {
            throw ProblemException.forbidden("Your token does not allow changing this request");
        }
    }

    /** Throws a 403 problem unless the caller decides for the senate: its admins and chairs, platform-admin. */
    public void requireMayDecideFor(String senate) {
        if (!decidesFor(senate)) {
            throw ProblemException.forbidden("Only senate " + senate + "'s admins and chairs may decide on its requests");
        }
    }

    /** Whether the caller decides for the senate: its admins and chairs, platform-admin. */
    public boolean decidesFor(String senate) {
        return roles.contains(PLATFORM_ADMIN) || administers(senate);
    }

    /**
     * A proactive review is started by the senate itself: a 422 problem on {@code kind} unless the
     * caller decides for the senate.
     */
    public void requireMayAskFor(AdviceRequestKind kind, String senate) {
        if (kind == AdviceRequestKind.PROACTIVE_REVIEW && !(roles.contains(PLATFORM_ADMIN) || administers(senate))) {
            throw ProblemException.ruleViolated("kind",
                    "proactive-review is started by the senate itself, not requested by an organisation");
        }
    }

    /** Whether the caller may see the requester's contact details: the requesting organisation and the senate. */
    public boolean maySeeContact(String senate, String requestingOrganisation) {
        return mayChange(senate, requestingOrganisation);
    }

    private boolean mayChange(String senate, String requestingOrganisation) {
        return roles.contains(PLATFORM_ADMIN) || administers(senate) || actsFor(requestingOrganisation);
    }

    /** Whether the caller may see a request; one it may not see is reported as not found. */
    public boolean maySee(String senate, String requestingOrganisation) {
        return seesAll() || administers(senate) || actsFor(requestingOrganisation);
    }

    /** Whether the caller may see the request: also a requester of its sponsor. */
    public boolean maySee(AdviceRequest request) {
        return maySee(request.senate, request.requestingOrganisation) || actsFor(request.sponsor);
    }

    /**
     * Throws a 403 problem unless the caller speaks for the requester: a requester of the requesting
     * or the sponsoring organisation (who agrees the terms, answers requests for information).
     */
    public void requireSpeaksForRequester(AdviceRequest request) {
        if (!(actsFor(request.requestingOrganisation) || actsFor(request.sponsor))) {
            throw ProblemException.forbidden(
                    "Only a requester of the requesting or the sponsoring organisation may do this");
        }
    }

    /** Whether the caller is a chair of the senate (who signs off for its council). */
    public boolean chairs(String senate) {
        return roles.contains(SENATE_CHAIR) && senates.contains(senate);
    }

    /**
     * The requests a list shows the caller: everything, or those of these senates, or those these
     * organisations request or sponsor.
     */
    public Visibility visibility() {
        if (seesAll()) {
            return Visibility.ALL;
        }
        Set<String> organisations = roles.contains(REQUESTER) ? organisation.map(Set::of).orElse(Set.of()) : Set.of();
        return new Visibility(false, organisations, administersAnySenate() ? senates : Set.of());
    }

    /** The requests whose progress (status, dates, counts) the caller follows: all for assurance, else their senates'. */
    public Visibility progressVisibility() {
        if (seesAll() || roles.contains(ASSURANCE_VIEWER)) {
            return Visibility.ALL;
        }
        return new Visibility(false, Set.of(), administersAnySenate() ? senates : Set.of());
    }

    /**
     * The senates whose figures the caller follows (assurance statistics, stage deadlines), narrowed
     * to {@code senate} when one is asked for (403 when it is not theirs): empty means every senate; a
     * present but empty set, none.
     */
    public Optional<Set<String>> followedSenates(String senate) {
        Visibility visible = progressVisibility();
        if (visible.all()) {
            return senate == null ? Optional.empty() : Optional.of(Set.of(senate));
        }
        if (senate == null) {
            return Optional.of(visible.senates());
        }
        if (!visible.senates().contains(senate)) {
            throw ProblemException.forbidden("Your token does not give access to senate " + senate);
        }
        return Optional.of(Set.of(senate));
    }

    private boolean seesAll() {
        return roles.contains(PLATFORM_ADMIN);
    }

    private boolean administersAnySenate() {
        return roles.contains(SENATE_ADMIN) || roles.contains(SENATE_CHAIR);
    }

    private boolean administers(String senate) {
        return administersAnySenate() && senates.contains(senate);
    }

    private boolean actsFor(String requestingOrganisation) {
        return requestingOrganisation != null && roles.contains(REQUESTER)
                && organisation.filter(org -> org.equals(requestingOrganisation)).isPresent();
    }

    /**
     * The requests a caller sees: all, or those {@code organisations} request or sponsor, or those
     * of {@code senates} (nothing when both are empty).
     */
    public record Visibility(boolean all, Set<String> organisations, Set<String> senates) {

        static final Visibility ALL = new Visibility(true, Set.of(), Set.of());

        public Visibility {
            organisations = Set.copyOf(organisations);
            senates = Set.copyOf(senates);
        }

        public boolean nothing() {
            return !all && organisations.isEmpty() && senates.isEmpty();
        }
    }
}
