package org.clinicalsenate.review.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.events.model.EvidenceAdded;
import org.clinicalsenate.api.events.model.EvidenceLinks;
import org.clinicalsenate.api.events.model.InformationRequestAnswered;
import org.clinicalsenate.api.events.model.InformationRequestOpened;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.commons.outbox.Outbox;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.review.domain.AdviceRequest;
import org.clinicalsenate.review.domain.AdviceRequestAccess;
import org.clinicalsenate.review.domain.AdviceRequestStatus;
import org.clinicalsenate.review.domain.Evidence;
import org.clinicalsenate.review.domain.InformationRequest;
import org.clinicalsenate.review.repository.EvidenceRepository;
import org.clinicalsenate.review.repository.InformationRequestRepository;

/**
 * A review's evidence register and the panel's requests for information to the sponsor. Evidence
 * is received from acceptance until the report is drafted; each change is audited with its event.
 */
@ApplicationScoped
@Transactional
public class EvidenceService {

    /** Which requests for information a list shows (all when none). */
    public enum Questions implements KebabCase {
        /** Not answered. */
        OPEN,
        /** Not answered by their due date. */
        OVERDUE
    }

    /** When evidence is received: from acceptance until the report is drafted. */
    private static final List<AdviceRequestStatus> RECEIVING = List.of(AdviceRequestStatus.ACCEPTED,
            AdviceRequestStatus.TERMS_AGREED, AdviceRequestStatus.PANEL_FORMED, AdviceRequestStatus.EVIDENCE_GATHERING);

    @Inject
    Clock clock;

    @Inject
    AdviceRequestService requests;

    @Inject
    PanelService panels;

    @Inject
    EvidenceRepository evidence;

    @Inject
    InformationRequestRepository questions;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Transactional(TxType.SUPPORTS)
    public List<Evidence> register(UUID requestId) {
        return evidence.register(panels.readable(requestId).id);
    }

    /** Records an item; the first after the panel is formed moves the request to evidence-gathering. */
    public Evidence add(UUID requestId, Evidence item) {
        AdviceRequest request = requests.lockForChange(requestId, null, false);
        AdviceRequestAccess.of(caller).requireMayChange(request);
        request.status.requireIn(RECEIVING, "receive evidence");
        Instant now = Instant.now(clock);
        item.recordFor(request.id, caller.subject(), LocalDate.ofInstant(now, clock.getZone()), now);
        evidence.persist(item);
        request.evidenceArrived(now);
        outbox.publish(request.id.toString(), new EvidenceAdded().adviceRequestId(request.id).senate(request.senate)
                .evidenceId(item.id).requestStatus(request.status.value()).links(links(request, "/evidence")));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", item.title);
        values.put("kind", item.kind);
        values.put("providedBy", item.providedBy);
        values.put("providedOn", item.providedOn.toString());
        values.put("link", item.link);
        values.put("sha256", item.sha256);
        audit.record("added", Evidence.ENTITY_TYPE, request.id.toString(), request.senate, values);
        evidence.flush();
        return item;
    }

    /** The requests for information, all or only those open or overdue (as of today). */
    @Transactional(TxType.SUPPORTS)
    public List<InformationRequest> questions(UUID requestId, Questions which) {
        LocalDate today = LocalDate.now(clock);
        return questions.of(panels.readable(requestId).id).stream()
                .filter(q -> which == null || (which == Questions.OPEN ? !q.isAnswered() : q.isOverdue(today)))
                .toList();
    }

    /** The panel asks the sponsor for information, through the senate. */
    public InformationRequest ask(UUID requestId, String question, LocalDate dueBy) {
        AdviceRequest request = requests.lockForChange(requestId, null, false);
        AdviceRequestAccess.of(caller).requireMayDecideFor(request.senate);
        request.status.requireIn(RECEIVING, "ask for information");
        Instant now = Instant.now(clock);
        InformationRequest asked = InformationRequest.ask(request.id, question, dueBy, caller.subject(),
                LocalDate.ofInstant(now, clock.getZone()), now);
        questions.persist(asked);
        outbox.publish(request.id.toString(), new InformationRequestOpened().adviceRequestId(request.id)
                .senate(request.senate).informationRequestId(asked.id).status("open")
                .requestStatus(request.status.value()).links(links(request, "/information-requests")));
        audit.record("asked", InformationRequest.ENTITY_TYPE, request.id.toString(), request.senate,
                Map.of("informationRequestId", asked.id.toString(), "question", question, "dueBy", dueBy.toString()));
        questions.flush();
        return asked;
    }

    /** The sponsor answers, with items already in the register. */
    public InformationRequest answer(UUID requestId, UUID questionId, String text, List<UUID> evidenceIds) {
        AdviceRequest request = requests.lockForChange(requestId, null, false);
        AdviceRequestAccess.of(caller).requireSpeaksForRequester(request);
        InformationRequest question = questions.findByIdOptional(questionId)
                .filter(q -> q.adviceRequestId.equals(request.id))
                .orElseThrow(() -> ProblemException.notFound("No request for information " + questionId
                        + " on advice request " + requestId));
        if (evidence.countOf(request.id, evidenceIds) != evidenceIds.size()) {
            throw ProblemException.ruleViolated("evidenceIds", "names an item that is not in this request's register");
        }
        question.answer(text, evidenceIds, caller.subject(), Instant.now(clock));
        outbox.publish(request.id.toString(), new InformationRequestAnswered().adviceRequestId(request.id)
                .senate(request.senate).informationRequestId(question.id).status("answered")
                .requestStatus(request.status.value()).links(links(request, "/information-requests")));
        audit.record("answered", InformationRequest.ENTITY_TYPE, request.id.toString(), request.senate,
                Map.of("informationRequestId", question.id.toString(), "evidenceIds",
                        evidenceIds.stream().map(UUID::toString).toList()));
        questions.flush();
        return question;
    }

    private static EvidenceLinks links(AdviceRequest request, String path) {
        String self = "/advice-requests/" + request.id;
        return new EvidenceLinks().self(self + path).adviceRequest(self);
    }
}
