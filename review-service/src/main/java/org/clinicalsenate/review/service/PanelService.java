package org.clinicalsenate.review.service;

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

import org.clinicalsenate.api.common.model.FieldError;
import org.clinicalsenate.api.events.model.PanelFormed;
import org.clinicalsenate.api.events.model.PanelLinks;
import org.clinicalsenate.api.events.model.PanelMemberAdded;
import org.clinicalsenate.api.membership.model.Member;
import org.clinicalsenate.api.membership.model.MemberConflicts;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.outbox.Outbox;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.review.client.Membership;
import org.clinicalsenate.review.config.ReviewConfig;
import org.clinicalsenate.review.domain.AdviceRequest;
import org.clinicalsenate.review.domain.AdviceRequestAccess;
import org.clinicalsenate.review.domain.AdviceRequestStatus;
import org.clinicalsenate.review.domain.Clearance;
import org.clinicalsenate.review.domain.InvitationStatus;
import org.clinicalsenate.review.domain.PanelComposition;
import org.clinicalsenate.review.domain.PanelMember;
import org.clinicalsenate.review.domain.PanelRole;
import org.clinicalsenate.review.repository.AdviceRequestRepository;
import org.clinicalsenate.review.repository.PanelMemberRepository;

/**
 * A request's panel: members added only once membership-service's conflict check clears them (or
 * the senate's chair overrides it in writing), their invitations, and the panel's formation.
 */
@ApplicationScoped
@Transactional
public class PanelService {

    /** A request's panel and the rules it meets. */
    public record Panel(AdviceRequest request, PanelComposition composition) {
    }

    /** Who is to be added, as membership-service described and checked them (before any transaction). */
    public record Candidate(Member member, PanelRole role, MemberConflicts check, String justification) {
    }

    /** The drawing of a panel: while the request is accepted, or its terms are agreed. */
    private static final List<AdviceRequestStatus> DRAWING = List.of(AdviceRequestStatus.ACCEPTED,
            AdviceRequestStatus.TERMS_AGREED);

    @Inject
    Clock clock;

    @Inject
    AdviceRequestService requests;

    @Inject
    AdviceRequestRepository adviceRequests;

    @Inject
    PanelMemberRepository members;

    @Inject
    Membership membership;

    @Inject
    ReviewConfig config;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    /**
     * The panel, for those who may see the request, and for the members on it (404 for anyone else).
     */
    @Transactional(TxType.SUPPORTS)
    public Panel panel(UUID requestId) {
        return panelOf(readable(requestId));
    }

    /**
     * The request, for those who may see it and for the members of its panel, who read its panel
     * and evidence (404 for anyone else).
     */
    @Transactional(TxType.SUPPORTS)
    public AdviceRequest readable(UUID requestId) {
        AdviceRequest request = adviceRequests.findById(requestId);
        boolean onPanel = request != null && requests.panelMemberId()
                .flatMap(id -> members.onPanel(requestId, id)).filter(m -> !m.declined()).isPresent();
        if (request == null || !(onPanel || AdviceRequestAccess.of(caller).maySee(request))) {
            throw ProblemException.notFound("No advice request with id " + requestId);
        }
        return request;
    }

    /**
     * What adding a member needs before any transaction (so that a slow membership-service holds no
     * database connection): the caller decides for the senate (an override is its chair's), the
     * request is being drawn a panel, the member exists, and the conflict check clears them or an
     * override answers it (409 with the check's reasons otherwise; 503 while membership cannot say).
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public Candidate check(UUID requestId, UUID memberId, PanelRole role, String justification) {
        AdviceRequest request = requests.get(requestId);
        AdviceRequestAccess access = AdviceRequestAccess.of(caller);
        access.requireMayDecideFor(request.senate);
        if (justification != null && !access.chairs(request.senate)) {
            throw ProblemException.forbidden("Only the chair of senate " + request.senate
                    + " overrides a conflict check");
        }
        request.status.requireIn(DRAWING, "be drawn a panel");
        Member member = membership.member(memberId).orElseThrow(
                () -> ProblemException.ruleViolated("memberId", "is not a known member (" + memberId + ")"));
        MemberConflicts check = membership.conflicts(List.of(memberId), request.organisationsInScope,
                request.areaUnderReview).map(checks -> checks.get(memberId))
                .orElseThrow(() -> ProblemException.ruleViolated("memberId", "is not a known member (" + memberId + ")"));
        boolean clear = Clearance.CLEAR.equals(check.getOutcome());
        if (clear && justification != null) {
            throw ProblemException.ruleViolated("overrideJustification",
                    "is not needed: the conflict check clears " + member.getName());
        }
        if (!clear && justification == null) {
            List<FieldError> reasons = check.getReasons().stream()
                    .map(reason -> new FieldError("memberId", reason.getMessage())).toList();
            throw new ProblemException(ProblemType.CONFLICT, member.getName() + " is " + check.getOutcome()
                    + " for this review: " + String.join("; ", reasons.stream().map(FieldError::getMessage).toList())
                    + ". Only the senate's chair may add them, with a written justification", reasons, List.of());
        }
        return new Candidate(member, role, check, justification);
    }

    /** Adds the checked candidate to the panel and invites them; audited, with its event. */
    public PanelMember add(UUID requestId, Candidate candidate) {
        AdviceRequest request = requests.lockForChange(requestId, null, false);
        AdviceRequestAccess.of(caller).requireMayDecideFor(request.senate);
        request.status.requireIn(DRAWING, "be drawn a panel");
        Member member = candidate.member();
        members.onPanel(request.id, member.getId()).ifPresent(already -> {
            throw ProblemException.conflict(member.getName() + " is already on the panel");
        });
        if (candidate.role() == PanelRole.CHAIR) {
            members.panel(request.id).stream().filter(m -> m.role == PanelRole.CHAIR && !m.declined()).findFirst()
                    .ifPresent(chair -> {
                        throw ProblemException.conflict("The panel has a chair already: " + chair.name);
                    });
        }
        Instant now = Instant.now(clock);
        Clearance clearance = Membership.clearance(candidate.check(), now);
        if (candidate.justification() != null) {
            clearance.override(candidate.justification(), caller.subject(), now);
        }
        PanelMember added = PanelMember.invited(request.id, member.getId(), member.getName(),
                member.getProfessionalTitle(), member.getProfession(), member.getSenate(), candidate.role(), clearance,
                caller.subject(), now);
        members.persist(added);
        outbox.publish(request.id.toString(), new PanelMemberAdded().adviceRequestId(request.id).senate(request.senate)
                .memberId(added.memberId).role(PanelMemberAdded.RoleEnum.fromValue(added.role.value()))
                .outcome(clearance.outcome).overridden(clearance.isOverridden()).links(links(request)));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("memberId", added.memberId.toString());
        values.put("role", added.role.value());
        values.put("outcome", clearance.outcome);
        values.put("reasons", clearance.messages());
        values.put("overrideJustification", clearance.overrideJustification);
        audit.record("added", PanelMember.ENTITY_TYPE, request.id.toString(), request.senate, values);
        members.flush();
        return added;
    }

    /** The invited member answers their own invitation, until the panel is formed. */
    public PanelMember respond(UUID requestId, UUID memberId, boolean accept) {
        if (caller.memberId().filter(memberId.toString()::equals).isEmpty()) {
            throw ProblemException.forbidden("Only the invited member answers their invitation");
        }
        AdviceRequest request = adviceRequests.findById(requestId);
        PanelMember member = request == null ? null : members.onPanel(requestId, memberId).orElse(null);
        if (member == null) {
            throw ProblemException.notFound("No invitation of member " + memberId + " to the panel of " + requestId);
        }
        request.status.requireIn(DRAWING, "have its panel's invitations answered");
        member.invitation = accept ? InvitationStatus.ACCEPTED : InvitationStatus.DECLINED;
        audit.record(accept ? "accepted" : "declined", PanelMember.ENTITY_TYPE, request.id.toString(), request.senate,
                Map.of("memberId", memberId.toString()));
        members.flush();
        return member;
    }

    /** Declares the panel formed (409 listing what is missing); the request becomes panel-formed. */
    public Panel form(UUID requestId) {
        AdviceRequest request = requests.lockForChange(requestId, null, false);
        AdviceRequestAccess.of(caller).requireMayDecideFor(request.senate);
        request.status.requireMayMoveTo(AdviceRequestStatus.PANEL_FORMED);
        Panel panel = panelOf(request);
        List<String> problems = panel.composition().problems();
        if (!problems.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "The panel cannot be formed yet: "
                    + String.join("; ", problems), problems.stream().map(p -> new FieldError("panel", p)).toList(),
                    List.of());
        }
        request.panelFormed(Instant.now(clock));
        int size = panel.composition().sitting().size();
        outbox.publish(request.id.toString(), new PanelFormed().adviceRequestId(request.id).senate(request.senate)
                .size(size).requestStatus(request.status.value()).links(links(request)));
        audit.record("formed", PanelMember.ENTITY_TYPE, request.id.toString(), request.senate,
                Map.of("size", size, "warnings", panel.composition().warnings()));
        adviceRequests.flush();
        return panel;
    }

    private Panel panelOf(AdviceRequest request) {
        return new Panel(request, new PanelComposition(members.panel(request.id),
                config.panelMinimumSize(request.senate)));
    }

    private static PanelLinks links(AdviceRequest request) {
        String self = "/advice-requests/" + request.id;
        return new PanelLinks().panel(self + "/panel").adviceRequest(self);
    }
}
