package org.clinicalsenate.membership.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.membership.domain.Member;
import org.clinicalsenate.membership.domain.MemberAccess;
import org.clinicalsenate.membership.repository.MemberRepository;

/** Finds the member a request is about: a 404 problem when there is none (or the caller may not see them). */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class MemberLookup {

    @Inject
    MemberRepository members;

    @Inject
    MemberAccess access;

    public Member find(UUID memberId) {
        return found(memberId, members.findById(memberId));
    }

    /** The member's row locked for the rest of the transaction, so that rules over their records hold. */
    @Transactional(TxType.MANDATORY)
    public Member findForUpdate(UUID memberId) {
        return found(memberId, members.findById(memberId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The member, if the caller may see their records (themself, or an admin of their senate); anyone else gets a 404. */
    public Member visible(UUID memberId) {
        Member member = find(memberId);
        access.requireSelfOrManager(member);
        return member;
    }

    private static Member found(UUID memberId, Member member) {
        if (member == null) {
            throw ProblemException.notFound("No member with id " + memberId);
        }
        return member;
    }
}
