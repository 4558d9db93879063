package org.clinicalsenate.review.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.events.model.AdviceRequestLinks;
import org.clinicalsenate.api.events.model.AdviceRequestSubmitted;
import org.clinicalsenate.api.events.model.AdviceRequestTriaged;
import org.clinicalsenate.api.events.model.AdviceRequestWithdrawn;
import org.clinicalsenate.api.membership.model.Member;
import org.clinicalsenate.api.review.model.AdviceRequestCreate;
import org.clinicalsenate.api.review.model.AdviceRequestUpdate;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.http.ETags;
import org.clinicalsenate.commons.outbox.Outbox;
import org.clinicalsenate.commons.page.Keyset;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.review.client.Membership;
import org.clinicalsenate.review.config.ReviewConfig;
import org.clinicalsenate.review.domain.AdviceRequest;
import org.clinicalsenate.review.domain.AdviceRequestAccess;
import org.clinicalsenate.review.domain.AdviceRequestStatus;
import org.clinicalsenate.review.domain.AdviceRequestSummary;
import org.clinicalsenate.review.domain.InvitationStatus;
import org.clinicalsenate.review.domain.ReviewProgress;
import org.clinicalsenate.review.domain.Triage;
import org.clinicalsenate.review.domain.TriageDecision;
import org.clinicalsenate.review.mapping.AdviceRequestMapper;
import org.clinicalsenate.review.repository.AdviceRequestRepository;
import org.clinicalsenate.review.repository.ReviewProgressRepository;

@ApplicationScoped
@Transactional
public class AdviceRequestService {

    @Inject
    Clock clock;

    @Inject
    AdviceRequestRepository requests;

    @Inject
    ReviewProgressRepository progress;

    @Inject
    AdviceRequestMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    Membership membership;

    @Inject
    ReviewConfig config;

    /**
     * What a submission needs checked before any transaction (so that a slow membership-service holds
     * no database connection): the caller may submit it (403), and its senate exists and is active
     * (422; 503 while membership-service cannot say).
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public void precheck(AdviceRequestCreate request) {
        AdviceRequestAccess.of(caller).requireMaySubmit(request.getSenate(), request.getRequestingOrganisation());
        Membership.requireActive(membership.senate(request.getSenate()), request.getSenate(), LocalDate.now(clock),
                "senate");
    }

    /**
     * What a triage needs checked before any transaction: the request is visible to the caller (404),
     * who decides for its senate (403); the decision's fields fit (422); an accepted request's lead
     * is a member of its senate (422 otherwise; 503 while membership-service cannot say).
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public void precheck(UUID id, Triage triage) {
        AdviceRequest advice = get(id);
        AdviceRequestAccess.of(caller).requireMayDecideFor(advice.senate);
        triage.requireValidFor(advice.senate);
        if (triage.decision() == TriageDecision.ACCEPT) {
            String senate = membership.member(triage.lead()).map(Member::getSenate).orElse(null);
            if (!advice.senate.equals(senate)) {
                throw ProblemException.ruleViolated("lead", "is not a member of senate " + advice.senate + " ("
                        + triage.lead() + ")");
            }
        }
    }

    /**
     * Stores the request in status {@code received}; its audit entry and its
     * {@code review.advice-request.submitted} event commit with it or not at all.
     */
    public AdviceRequest create(AdviceRequestCreate request) {
        AdviceRequestAccess access = AdviceRequestAccess.of(caller);
        access.requireMaySubmit(request.getSenate(), request.getRequestingOrganisation());
        AdviceRequest advice = mapper.toEntity(request);
        access.requireMayAskFor(advice.kind, advice.senate);
        Instant now = Instant.now(clock);
        advice.submit(caller.subject(), now);
        advice.checkIntake(config.clinicalReviewNotice(advice.senate), LocalDate.ofInstant(now, clock.getZone()));
        requests.persistAndFlush(advice);
        outbox.publish(advice.id.toString(), submittedEvent(advice));
        audit.record("created", AdviceRequest.ENTITY_TYPE, advice.id.toString(), advice.senate, snapshot(advice));
        return advice;
    }

    /** Replaces what the submitter said, until the request is triaged ({@code If-Match} required). */
    public AdviceRequest update(UUID id, String ifMatch, AdviceRequestUpdate update) {
        AdviceRequest advice = lockForChange(id, ifMatch, true);
        AdviceRequestAccess access = AdviceRequestAccess.of(caller);
        access.requireMayChange(advice);
        access.requireMayAskFor(mapper.toDomain(update.getKind()), advice.senate);
        Instant now = Instant.now(clock);
        advice.edit(changed -> mapper.update(update, changed), config.clinicalReviewNotice(advice.senate),
                LocalDate.ofInstant(now, clock.getZone()), now);
        audit.record("updated", AdviceRequest.ENTITY_TYPE, advice.id.toString(), advice.senate, snapshot(advice));
        return flushed(advice);
    }

    /** Records the senate's triage decision; its audit entry and its event commit with it. */
    public AdviceRequest triage(UUID id, String ifMatch, Triage triage) {
        AdviceRequest advice = lockForChange(id, ifMatch, false);
        AdviceRequestAccess.of(caller).requireMayDecideFor(advice.senate);
        advice.triage(triage, caller.subject(), Instant.now(clock));
        outbox.publish(advice.id.toString(), new AdviceRequestTriaged()
                .id(advice.id)
                .senate(advice.senate)
                .requestingOrganisation(advice.requestingOrganisation)
                .kind(advice.kind.value())
                .status(advice.status.value())
                .decision(AdviceRequestTriaged.DecisionEnum.fromValue(advice.triageDecision.value()))
                .redirectedToSenate(advice.redirectedToSenate)
                .links(new AdviceRequestLinks().self(self(advice))));
        Map<String, Object> values = snapshot(advice);
        values.put("triage", mapper.triage(advice));
        audit.record("triaged", AdviceRequest.ENTITY_TYPE, advice.id.toString(), advice.senate, values);
        return flushed(advice);
    }

    /** Withdraws a request before its report is issued; its audit entry and its event commit with it. */
    public AdviceRequest withdraw(UUID id, String ifMatch, String reason) {
        AdviceRequest advice = lockForChange(id, ifMatch, false);
        AdviceRequestAccess.of(caller).requireMayChange(advice);
        advice.withdraw(reason, caller.subject(), Instant.now(clock));
        outbox.publish(advice.id.toString(), new AdviceRequestWithdrawn()
                .id(advice.id)
                .senate(advice.senate)
                .requestingOrganisation(advice.requestingOrganisation)
                .kind(advice.kind.value())
                .status(advice.status.value())
                .links(new AdviceRequestLinks().self(self(advice))));
        Map<String, Object> values = snapshot(advice);
        values.put("withdrawalReason", reason);
        audit.record("withdrawn", AdviceRequest.ENTITY_TYPE, advice.id.toString(), advice.senate, values);
        return flushed(advice);
    }

    /**
     * The request, locked for the change: 404 when the caller may not see it, 412 when
     * {@code If-Match} is stale, 428 when it is missing and {@code required}.
     */
    AdviceRequest lockForChange(UUID id, String ifMatch, boolean required) {
        AdviceRequest advice = requests.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (advice == null || !AdviceRequestAccess.of(caller).maySee(advice)) {
            throw ProblemException.notFound("No advice request with id " + id);
        }
        if (required || ifMatch != null) {
            ETags.requireMatch(ifMatch, advice.version);
        }
        return advice;
    }

    /** Flushed, so that the answer carries the new version (its ETag). */
    private AdviceRequest flushed(AdviceRequest advice) {
        requests.flush();
        return advice;
    }

    private static String self(AdviceRequest advice) {
        return "/advice-requests/" + advice.id;
    }

    /** A request outside the caller's scope is not found, so that its existence is not revealed. */
    @Transactional(TxType.SUPPORTS)
    public AdviceRequest get(UUID id) {
        AdviceRequest advice = requests.findById(id);
        if (advice == null || !AdviceRequestAccess.of(caller).maySee(advice)) {
            throw ProblemException.notFound("No advice request with id " + id);
        }
        return advice;
    }

    /**
     * Newest first, keyset-paginated by (submittedAt, id), limited to what the caller may see; a
     * member sees the reviews whose panel they sit on.
     */
    @Transactional(TxType.SUPPORTS)
    public Page<AdviceRequestSummary> list(String senate, AdviceRequestStatus status, Instant updatedSince,
            Integer limit, String cursor) {
        AdviceRequestAccess.Visibility visible = AdviceRequestAccess.of(caller).visibility();
        Optional<UUID> member = panelMemberId();
        if (visible.nothing() && member.isEmpty()) {
            return Page.empty();
        }
        Keyset<AdviceRequest, AdviceRequestSummary> list = filtered(Keyset.over(requests, "advice-requests")
                .select(AdviceRequestSummary.class), visible, senate, status, updatedSince);
        List<String> scopes = scopes(visible);
        if (member.isPresent() && !visible.all()) {
            // a member sits on few panels: their reviews are read through the panels' index by member
            scopes.add("id in (select p.adviceRequestId from PanelMember p where p.memberId = :member"
                    + " and p.invitation <> :declined)");
            list.param("member", member.get()).param("declined", InvitationStatus.DECLINED);
        }
        return list.orderBy(Keyset.Order.DESCENDING,
                Keyset.key("submittedAt", Instant.class, AdviceRequestSummary::submittedAt),
                Keyset.key("id", UUID.class, AdviceRequestSummary::id)).pageOfAny(limit, cursor, scopes);
    }

    /** The caller's member id when a member calls (none for other roles, or a claim that is no id). */
    Optional<UUID> panelMemberId() {
        if (!caller.hasRole(Roles.MEMBER)) {
            return Optional.empty();
        }
        try {
            return caller.memberId().map(UUID::fromString);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** Where each request the caller follows stands (no content), newest first, as the list of requests. */
    @Transactional(TxType.SUPPORTS)
    public Page<ReviewProgress> progress(String senate, AdviceRequestStatus status, Instant updatedSince,
            Integer limit, String cursor) {
        AdviceRequestAccess.Visibility visible = AdviceRequestAccess.of(caller).progressVisibility();
        if (visible.nothing()) {
            return Page.empty();
        }
        return filtered(Keyset.over(progress, "review-progress"), visible, senate, status, updatedSince)
                .orderBy(Keyset.Order.DESCENDING,
                        Keyset.key("submittedAt", Instant.class, (ReviewProgress p) -> p.submittedAt),
                        Keyset.key("id", UUID.class, (ReviewProgress p) -> p.id)).pageOfAny(limit, cursor, scopes(visible));
    }

    /** The client's filters, and the caller's scopes as parameters. */
    private static <E, R> Keyset<E, R> filtered(Keyset<E, R> list, AdviceRequestAccess.Visibility visible,
            String senate, AdviceRequestStatus status, Instant updatedSince) {
        return list.filter("senate = :senate", "senate", senate)
                .filter("status = :status", "status", status)
                .filter("updatedAt >= :updatedSince", "updatedSince", updatedSince)
                .param("organisations", visible.organisations()).param("senates", visible.senates());
    }

    /**
     * The requests of the caller's scopes, each its own index range (none: all): those their
     * organisation requests, those it sponsors, those of their senates.
     */
    private static List<String> scopes(AdviceRequestAccess.Visibility visible) {
        List<String> scopes = new ArrayList<>();
        if (!visible.all() && !visible.organisations().isEmpty()) {
            scopes.add("requestingOrganisation in :organisations");
            scopes.add("sponsor in :organisations");
        }
        if (!visible.all() && !visible.senates().isEmpty()) {
            scopes.add("senate in :senates");
        }
        return scopes;
    }

    /** What a notification needs to know: ids, status and a link; no personal data, no free text. */
    private static AdviceRequestSubmitted submittedEvent(AdviceRequest advice) {
        return new AdviceRequestSubmitted()
                .id(advice.id)
                .senate(advice.senate)
                .requestingOrganisation(advice.requestingOrganisation)
                .kind(advice.kind.value())
                .status(advice.status.value())
                .links(new AdviceRequestLinks().self(self(advice)));
    }

    private static Map<String, Object> snapshot(AdviceRequest advice) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("senate", advice.senate);
        values.put("requestingOrganisation", advice.requestingOrganisation);
        values.put("kind", advice.kind.value());
        values.put("title", advice.title);
        values.put("question", advice.question);
        values.put("requestingOrganisationType", advice.requestingOrganisationType.value());
        values.put("sponsor", advice.sponsor);
        values.put("areaUnderReview", advice.areaUnderReview);
        values.put("organisationsInScope", advice.organisationsInScope);
        values.put("proposalStage", advice.proposalStage.value());
        values.put("neededBy", advice.neededBy.toString());
        values.put("shortNotice", advice.shortNotice);
        values.put("status", advice.status.value());
        return values;
    }
}
