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
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.events.model.AdviceRequestSubmitted;
import org.clinicalsenate.api.events.model.AdviceRequestSubmittedLinks;
import org.clinicalsenate.api.review.model.AdviceRequestCreate;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.outbox.Outbox;
import org.clinicalsenate.commons.page.Keyset;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.review.domain.AdviceRequest;
import org.clinicalsenate.review.domain.AdviceRequestAccess;
import org.clinicalsenate.review.domain.AdviceRequestStatus;
import org.clinicalsenate.review.domain.AdviceRequestSummary;
import org.clinicalsenate.review.mapping.AdviceRequestMapper;
import org.clinicalsenate.review.repository.AdviceRequestRepository;

@ApplicationScoped
@Transactional
public class AdviceRequestService {

    @Inject
    Clock clock;

    @Inject
    AdviceRequestRepository requests;

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
        requests.persistAndFlush(advice);
        outbox.publish(advice.id.toString(), submittedEvent(advice));
        audit.record("created", AdviceRequest.ENTITY_TYPE, advice.id.toString(), advice.senate, snapshot(advice));
        return advice;
    }

    /** A request outside the caller's scope is not found, so that its existence is not revealed. */
    @Transactional(TxType.SUPPORTS)
    public AdviceRequest get(UUID id) {
        AdviceRequest advice = requests.findById(id);
        if (advice == null || !AdviceRequestAccess.of(caller).maySee(advice.senate, advice.requestingOrganisation)) {
            throw ProblemException.notFound("No advice request with id " + id);
        }
        return advice;
    }

    /** Newest first, keyset-paginated by (submittedAt, id), limited to what the caller may see. */
    @Transactional(TxType.SUPPORTS)
    public Page<AdviceRequestSummary> list(String senate, AdviceRequestStatus status, Instant updatedSince,
            Integer limit, String cursor) {
        AdviceRequestAccess.Visibility visible = AdviceRequestAccess.of(caller).visibility();
        if (visible.nothing()) {
            return Page.empty();
        }
        Keyset<AdviceRequest, AdviceRequestSummary> list = Keyset.over(requests, "advice-requests")
                .select(AdviceRequestSummary.class)
                .filter("senate = :senate", "senate", senate)
                .filter("status = :status", "status", status)
                .filter("updatedAt >= :updatedSince", "updatedSince", updatedSince);
        if (!visible.all()) {
            List<String> scopes = new ArrayList<>();
            if (!visible.organisations().isEmpty()) {
                scopes.add("requestingOrganisation in :organisations");
                list.param("organisations", visible.organisations());
            }
            if (!visible.senates().isEmpty()) {
                scopes.add("senate in :senates");
                list.param("senates", visible.senates());
            }
            list.where("(" + String.join(" or ", scopes) + ")");
        }
        return list.orderBy(Keyset.Order.DESCENDING,
                Keyset.key("submittedAt", Instant.class, AdviceRequestSummary::submittedAt),
                Keyset.key("id", UUID.class, AdviceRequestSummary::id)).page(limit, cursor);
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
