package org.clinicalsenate.membership.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.membership.domain.Member;
import org.clinicalsenate.membership.domain.MemberAccess;

/** Finds the member whose records (declarations, meeting declarations) a request is about. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class MemberLookup {

    @Inject
    EntityManager em;

    @Inject
    MemberAccess access;

    /** The member, if the caller may see their records (themself, or an admin of their senate); anyone else gets a 404. */
    public Member visible(UUID memberId) {
        Member member = em.find(Member.class, memberId);
        if (member == null) {
            throw ProblemException.notFound("No member with id " + memberId);
        }
        access.requireSelfOrManager(member);
        return member;
    }
}
