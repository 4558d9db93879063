package org.clinicalsenate.membership.domain;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;

/**
 * Who may reach a member's record: the member themself (the {@code member_id} claim) and the
 * admins and chairs of the member's senate (platform-admins everywhere). The one place for that
 * rule; contact details follow it too.
 */
@RequestScoped
public class MemberAccess {

    @Inject
    Caller caller;

    public boolean isSelf(Member member) {
        return caller.memberId().map(id -> id.equals(member.id.toString())).orElse(false);
    }

    public boolean manages(Member member) {
        return caller.administers(member.senate);
    }

    /** Contact details (email) are personal data: the member and their senate's admins only. */
    public boolean seesContactDetails(Member member) {
        return isSelf(member) || manages(member);
    }

    /** For reads and the member's own changes: anyone else is told the member does not exist. */
    public void requireSelfOrManager(Member member) {
        if (!seesContactDetails(member)) {
            throw ProblemException.notFound("No member with id " + member.id);
        }
    }

    public void requireManager(Member member) {
        if (!manages(member)) {
            throw ProblemException.forbidden("Your token does not give access to senate " + member.senate);
        }
    }
}
