package org.clinicalsenate.membership.domain;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;

/**
 * Who may reach a member's record: the member themself (the {@code member_id} claim) and the
 * admins and chairs of the member's senate (platform-admins everywhere). The one place for that
 * rule; contact details follow it too. Services (review-service, for its panels) also read
 * profiles, never contact details.
 */
@RequestScoped
public class MemberAccess {

    @Inject
    Caller caller;

    public boolean isSelf(Member member) {
        return isSelf(member.id);
    }

    public boolean isSelf(UUID memberId) {
        return caller.memberId().map(id -> id.equals(memberId.toString())).orElse(false);
    }

    public boolean manages(Member member) {
        return caller.administers(member.senate);
    }

    /** The member's own records (profile, appointments) are theirs and their senate's admins'. */
    public boolean isSelfOrManager(Member member) {
        return isSelf(member) || manages(member);
    }

    /** Contact details (email) are personal data: the member and their senate's admins only. */
    public boolean seesContactDetails(Member member) {
        return seesContactDetails(member.id, member.senate);
    }

    public boolean seesContactDetails(UUID memberId, String senate) {
        return isSelf(memberId) || caller.administers(senate);
    }

    /** For reads and the member's own changes: anyone else is told the member does not exist. */
    public void requireSelfOrManager(Member member) {
        if (!isSelfOrManager(member)) {
            throw ProblemException.notFound("No member with id " + member.id);
        }
    }

    /** Reading a profile: the member, their senate's admins, and services (without contact details). */
    public void requireReadable(Member member) {
        if (!caller.isService()) {
            requireSelfOrManager(member);
        }
    }

    /**
     * The senates whose members the caller may list, or empty when they may list every senate's
     * (platform-admins, and services without contact details).
     */
    public Optional<Set<String>> listableSenates() {
        return caller.isPlatformAdmin() || caller.isService() ? Optional.empty() : Optional.of(caller.senates());
    }

    /**
     * Nominating, approving and ending appointments: the admins of the member's senate, except
     * that a chair is the regional Medical Director's decision (platform-admin).
     */
    public void requireMayAppoint(Member member, AppointmentRole role) {
        requireManager(member);
        if (role == AppointmentRole.CHAIR && !caller.isPlatformAdmin()) {
            throw ProblemException.forbidden("A chair appointment is the regional Medical Director's decision: it needs platform-admin");
        }
    }

    /**
     * Reviewing a member's declaration or approving their appointment is someone else's decision:
     * an admin who is also a member does not decide on their own records (another admin of the
     * senate or a platform-admin does).
     */
    public void requireNotSelf(Member member, String decision) {
        if (isSelf(member)) {
            throw ProblemException.forbidden("You may not " + decision + " yourself: another admin of senate "
                    + member.senate + " or a platform-admin may");
        }
    }

    public void requireManager(Member member) {
        if (!manages(member)) {
            throw ProblemException.forbidden("Your token does not give access to senate " + member.senate);
        }
    }
}
