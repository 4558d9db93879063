package org.clinicalsenate.review.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.events.model.AdviceRequestSubmitted;
import org.clinicalsenate.api.events.model.AdviceRequestSubmittedLinks;
import org.clinicalsenate.api.review.model.AdviceRequestCreate;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.outbox.Outbox;
import org.clinicalsenate.commons.page.Cursor;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.review.domain.AdviceRequest;
import org.clinicalsenate.review.domain.AdviceRequestAccess;
import org.clinicalsenate.review.domain.AdviceRequestStatus;
import org.clinicalsenate.review.mapping.AdviceRequestMapper;

@ApplicationScoped
@Transactional
public class AdviceRequestService {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    AdviceRequestMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    /**
     * Stores the request in status {@code received}; its audit entry and its
     * {@code review.advice-request.submitted} event commit with it or not at all.
     */
    public AdviceRequest create(AdviceRequestCreate request) {
        AdviceRequestAccess.of(caller).requireMaySubmit(request.getSenate(), request.getRequestingOrganisation());
        AdviceRequest advice = mapper.toEntity(request);
        advice.submit(caller.subject(), Instant.now(clock));
        em.persist(advice);
        em.flush();
        outbox.publish(advice.id.toString(), submittedEvent(advice));
        audit.record("created", AdviceRequest.ENTITY_TYPE, advice.id.toString(), advice.senate, snapshot(advice));
        return advice;
    }

    /** A request outside the caller's scope is not found, so that its existence is not revealed. */
    @Transactional(TxType.SUPPORTS)
    public AdviceRequest get(UUID id) {
        AdviceRequest advice = em.find(AdviceRequest.class, id);
        if (advice == null || !AdviceRequestAccess.of(caller).maySee(advice.senate, advice.requestingOrganisation)) {
            throw ProblemException.notFound("No advice request with id " + id);
        }
        return advice;
    }

    /** Newest first, keyset-paginated by (submittedAt, id), limited to what the caller may see. */
    @Transactional(TxType.SUPPORTS)
    public Page<AdviceRequest> list(String senate, AdviceRequestStatus status, Integer requestedLimit, String cursor) {
        int limit = Page.limit(requestedLimit);
        List<String> after = Cursor.decode(cursor, 2);
        Instant afterSubmittedAt = after.isEmpty() ? null : Cursor.asInstant(after.get(0));
        UUID afterId = after.isEmpty() ? null : Cursor.asUuid(after.get(1));
        AdviceRequestAccess.Visibility visible = AdviceRequestAccess.of(caller).visibility();
        if (visible.nothing()) {
            return new Page<>(List.of(), null);
        }
        StringBuilder jpql = new StringBuilder("from AdviceRequest r where 1 = 1");
        if (!visible.all()) {
            List<String> scopes = new ArrayList<>();
            if (!visible.organisations().isEmpty()) {
                scopes.add("r.requestingOrganisation in :organisations");
            }
            if (!visible.senates().isEmpty()) {
                scopes.add("r.senate in :senates");
            }
            jpql.append(" and (").append(String.join(" or ", scopes)).append(")");
        }
        if (senate != null) {
            jpql.append(" and r.senate = :senate");
        }
        if (status != null) {
            jpql.append(" and r.status = :status");
        }
        if (afterId != null) {
            jpql.append(" and (r.submittedAt, r.id) < (:afterSubmittedAt, :afterId)");
        }
        jpql.append(" order by r.submittedAt desc, r.id desc");
        TypedQuery<AdviceRequest> query = em.createQuery(jpql.toString(), AdviceRequest.class)
                .setMaxResults(limit + 1);
        if (!visible.all() && !visible.organisations().isEmpty()) {
            query.setParameter("organisations", visible.organisations());
        }
        if (!visible.all() && !visible.senates().isEmpty()) {
            query.setParameter("senates", visible.senates());
        }
        if (senate != null) {
            query.setParameter("senate", senate);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        if (afterId != null) {
            query.setParameter("afterSubmittedAt", afterSubmittedAt);
            query.setParameter("afterId", afterId);
        }
        return Page.of(query.getResultList(), limit,
                r -> Cursor.encode(r.submittedAt.toString(), r.id.toString()));
    }

    /** What a notification needs to know: ids, status and a link; no personal data, no free text. */
    private static AdviceRequestSubmitted submittedEvent(AdviceRequest advice) {
        return new AdviceRequestSubmitted()
                .id(advice.id)
                .senate(advice.senate)
                .requestingOrganisation(advice.requestingOrganisation)
                .kind(advice.kind.value())
                .status(advice.status.value())
                .links(new AdviceRequestSubmittedLinks().self("/advice-requests/" + advice.id));
    }

    private static Map<String, Object> snapshot(AdviceRequest advice) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("senate", advice.senate);
        values.put("requestingOrganisation", advice.requestingOrganisation);
        values.put("kind", advice.kind.value());
        values.put("title", advice.title);
        values.put("question", advice.question);
        values.put("status", advice.status.value());
        return values;
    }
}
