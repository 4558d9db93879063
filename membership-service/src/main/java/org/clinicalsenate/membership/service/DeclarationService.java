package org.clinicalsenate.membership.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.membership.model.DeclarationCreate;
import org.clinicalsenate.api.membership.model.DeclarationReviewUpdate;
import org.clinicalsenate.api.membership.model.InterestFields;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.commons.http.ETags;
import org.clinicalsenate.commons.page.Keyset;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.membership.domain.Declaration;
import org.clinicalsenate.membership.domain.DeclarationRound;
import org.clinicalsenate.membership.domain.DeclarationVersion;
import org.clinicalsenate.membership.domain.Interest;
import org.clinicalsenate.membership.domain.Member;
import org.clinicalsenate.membership.domain.MemberAccess;
import org.clinicalsenate.membership.mapping.DeclarationMapper;
import org.clinicalsenate.membership.repository.DeclarationRepository;
import org.clinicalsenate.membership.repository.DeclarationVersionRepository;

/**
 * Declarations of interest and nil returns: made by the member or, recorded as such, by an admin
 * of their senate on their behalf; amended as new versions; reviewed by the senate's admins.
 * A declaration is as private as its member's record: anyone else is told it does not exist.
 */
@ApplicationScoped
@Transactional
public class DeclarationService {

    @Inject
    Clock clock;

    @Inject
    DeclarationRepository declarations;

    @Inject
    DeclarationVersionRepository versions;

    @Inject
    DeclarationMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    MemberAccess access;

    @Inject
    Rosters rosters;

    @Inject
    MemberLookup members;

    public Declaration create(UUID memberId, DeclarationCreate request) {
        Member member = members.visible(memberId);
        Interest interest = mapper.toInterest(request);
        DeclarationRound round = rosters.currentRound(member.senate).orElse(null);
        UUID roundId = round == null ? null : round.id;
        boolean onBehalf = !access.isSelf(member);
        Declaration declaration;
        if (Boolean.TRUE.equals(request.getNilReturn())) {
            declaration = Declaration.nilReturn(member.id, member.senate, roundId, interest, caller.subject(), onBehalf,
                    Instant.now(clock));
            requireFirstNilReturn(member, round);
        } else {
            declaration = Declaration.ofInterest(member.id, member.senate, roundId, interest, caller.subject(), onBehalf,
                    Instant.now(clock));
        }
        declarations.persist(declaration);
        versions.persist(declaration.currentVersion());
        declarations.flush();
        audit.record("created", Declaration.ENTITY_TYPE, declaration.id.toString(), declaration.senate,
                snapshot(declaration));
        return declaration;
    }

    public Declaration amend(UUID id, String ifMatch, InterestFields request) {
        Declaration declaration = get(id);
        ETags.requireMatch(ifMatch, declaration.version);
        Member member = members.find(declaration.memberId);
        Map<String, Object> before = snapshot(declaration);
        UUID roundId = rosters.currentRound(declaration.senate).map(r -> r.id).orElse(null);
        declaration.amend(mapper.toInterest(request), roundId, caller.subject(), !access.isSelf(member), Instant.now(clock));
        versions.persist(declaration.currentVersion());
        declarations.flush();
        audit.recordChanges("amended", Declaration.ENTITY_TYPE, id.toString(), declaration.senate, before,
                snapshot(declaration));
        return declaration;
    }

    /** Only the admins of the member's senate review; the member themself may read but not review (403). */
    public Declaration review(UUID id, String ifMatch, DeclarationReviewUpdate request) {
        Declaration declaration = get(id);
        Member member = members.find(declaration.memberId);
        access.requireManager(member);
        access.requireNotSelf(member, "review a declaration of");
        ETags.requireMatch(ifMatch, declaration.version);
        Map<String, Object> before = snapshot(declaration);
        declaration.recordReview(mapper.toDomain(request.getManagementAction().getAction()),
                request.getManagementAction().getDetail(), mapper.toDomain(request.getPublication()),
                request.getWithheldReason(), request.getNote(), caller.subject(), Instant.now(clock));
        declarations.flush();
        audit.recordChanges("reviewed", Declaration.ENTITY_TYPE, id.toString(), declaration.senate, before,
                snapshot(declaration));
        return declaration;
    }

    /** A declaration is seen by whoever sees its member's personal record: the member and their senate's admins. */
    @Transactional(TxType.SUPPORTS)
    public Declaration get(UUID id) {
        Declaration declaration = declarations.findById(id);
        if (declaration == null || !access.isSelfOrManager(members.find(declaration.memberId))) {
            throw ProblemException.notFound("No declaration with id " + id);
        }
        return declaration;
    }

    /** The review note is for the admins of the member's senate (see DeclarationMapper). */
    public boolean seesReviewNote(Declaration declaration) {
        return caller.administers(declaration.senate);
    }

    /** Most recently declared first, keyset-paginated by (declaredAt, id). */
    @Transactional(TxType.SUPPORTS)
    public Page<Declaration> listOfMember(UUID memberId, Integer limit, String cursor) {
        members.visible(memberId);
        return Keyset.over(declarations, "declarations")
                .filter("memberId = :member", "member", memberId)
                .orderBy(Keyset.Order.DESCENDING, Keyset.key("declaredAt", Instant.class, (Declaration d) -> d.declaredAt),
                        Keyset.key("id", UUID.class, (Declaration d) -> d.id))
                .page(limit, cursor);
    }

    /** Every version as it was declared, oldest first. */
    @Transactional(TxType.SUPPORTS)
    public List<DeclarationVersion> versions(UUID id) {
        return versions.of(get(id).id);
    }

    /**
     * One nil return per member and round: a second one would only be a duplicate (a unique index
     * settles two racing ones: the loser is a 409 too).
     */
    private void requireFirstNilReturn(Member member, DeclarationRound round) {
        long made = declarations.count("roundId = ?1 and memberId = ?2 and nilReturn = true", round.id, member.id);
        if (made > 0) {
            throw ProblemException.conflict("Member " + member.id + " already made a nil return for the "
                    + round.year + " round of " + round.senate);
        }
    }

    private static Map<String, Object> snapshot(Declaration d) {
        Interest interest = d.interest == null ? new Interest() : d.interest;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("memberId", d.memberId.toString());
        values.put("roundId", d.roundId == null ? null : d.roundId.toString());
        values.put("nilReturn", d.nilReturn);
        values.put("category", value(interest.category));
        values.put("description", interest.description);
        values.put("counterpartyOdsCode", interest.counterparty == null ? null : interest.counterparty.odsCode);
        values.put("counterpartyName", interest.counterparty == null ? null : interest.counterparty.name);
        values.put("relationship", interest.relationship);
        values.put("interestStart", interest.start == null ? null : interest.start.toString());
        values.put("interestEnd", interest.end == null ? null : interest.end.toString());
        values.put("versionNumber", d.versionNo);
        values.put("declaredBy", d.declaredBy);
        values.put("onBehalf", d.onBehalf);
        values.put("late", d.late);
        values.put("publication", value(d.review.publication));
        values.put("managementAction", value(d.review.action));
        values.put("managementActionDetail", d.review.actionDetail);
        values.put("withheldReason", d.review.withheldReason);
        values.put("reviewNote", d.review.note);
        values.put("reviewedBy", d.review.reviewedBy);
        return values;
    }

    private static String value(KebabCase constant) {
        return constant == null ? null : constant.value();
    }
}
