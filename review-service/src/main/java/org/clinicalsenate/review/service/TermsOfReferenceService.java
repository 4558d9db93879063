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

import org.clinicalsenate.api.events.model.TermsOfReferenceAgreed;
import org.clinicalsenate.api.events.model.TermsOfReferenceDrafted;
import org.clinicalsenate.api.events.model.TermsOfReferenceLinks;
import org.clinicalsenate.api.events.model.TermsOfReferenceSignedOff;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.http.ETags;
import org.clinicalsenate.commons.outbox.Outbox;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.review.domain.AdviceRequest;
import org.clinicalsenate.review.domain.AdviceRequestAccess;
import org.clinicalsenate.review.domain.AdviceRequestStatus;
import org.clinicalsenate.review.domain.TermsOfReference;
import org.clinicalsenate.review.repository.TermsOfReferenceRepository;

/**
 * A request's terms of reference: drafted by the senate as versions, agreed by the sponsor, signed
 * off by the council (the request becomes {@code terms-agreed}). Each step is audited and publishes
 * its event with it.
 */
@ApplicationScoped
@Transactional
public class TermsOfReferenceService {

    /** A version, and the latest version number of the request's terms (for its status). */
    public record Version(TermsOfReference terms, int latest) {
    }

    @Inject
    Clock clock;

    @Inject
    AdviceRequestService requests;

    @Inject
    TermsOfReferenceRepository terms;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    /** The latest version (404 when none is drafted, or the request is not the caller's to see). */
    @Transactional(TxType.SUPPORTS)
    public Version current(UUID requestId) {
        AdviceRequest request = requests.get(requestId);
        TermsOfReference latest = latest(request);
        return new Version(latest, latest.version);
    }

    /** Every version, oldest first. */
    @Transactional(TxType.SUPPORTS)
    public List<Version> versions(UUID requestId) {
        AdviceRequest request = requests.get(requestId);
        List<TermsOfReference> versions = terms.versions(request.id);
        int latest = versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version;
        return versions.stream().map(version -> new Version(version, latest)).toList();
    }

    /**
     * Stores {@code draft} as the next version of an accepted request's terms; {@code If-Match} must
     * name the latest version once there is one.
     */
    public Version draft(UUID requestId, String ifMatch, TermsOfReference draft) {
        AdviceRequest request = requests.lockForChange(requestId, null, false);
        AdviceRequestAccess.of(caller).requireMayDecideFor(request.senate);
        request.status.requireIs(AdviceRequestStatus.ACCEPTED, "have its terms of reference drafted");
        int next = terms.latest(request.id).map(latest -> {
            ETags.requireMatch(ifMatch, latest.etag());
            return latest.version + 1;
        }).orElse(1);
        draft.draftFor(request, next, caller.subject(), Instant.now(clock));
        terms.persist(draft);
        outbox.publish(request.id.toString(), new TermsOfReferenceDrafted().adviceRequestId(request.id)
                .senate(request.senate).version(draft.version).status(status(draft))
                .requestStatus(request.status.value()).links(links(request)));
        audit.record("drafted", TermsOfReference.ENTITY_TYPE, request.id.toString(), request.senate, snapshot(draft));
        return flushed(draft);
    }

    /** The sponsor agrees the latest version, the one named by {@code If-Match}. */
    public Version agree(UUID requestId, String ifMatch) {
        AdviceRequest request = requests.lockForChange(requestId, null, false);
        AdviceRequestAccess.of(caller).requireSpeaksForRequester(request);
        TermsOfReference latest = latest(request);
        ETags.requireMatch(ifMatch, latest.etag());
        latest.agree(caller.subject(), Instant.now(clock));
        outbox.publish(request.id.toString(), new TermsOfReferenceAgreed().adviceRequestId(request.id)
                .senate(request.senate).version(latest.version).status(status(latest))
                .requestStatus(request.status.value()).links(links(request)));
        audit.record("agreed", TermsOfReference.ENTITY_TYPE, request.id.toString(), request.senate,
                Map.of("version", latest.version));
        return flushed(latest);
    }

    /**
     * The council signs off the latest, agreed version: its chair, or an admin recording the
     * council's decision with the date of its meeting. The request becomes {@code terms-agreed}.
     */
    public Version signOff(UUID requestId, String ifMatch, LocalDate councilMeetingDate) {
        AdviceRequest request = requests.lockForChange(requestId, null, false);
        AdviceRequestAccess access = AdviceRequestAccess.of(caller);
        access.requireMayDecideFor(request.senate);
        Instant now = Instant.now(clock);
        if (councilMeetingDate == null && !access.chairs(request.senate)) {
            throw ProblemException.ruleViolated("councilMeetingDate",
                    "is required: an admin records the council's decision with the date of its meeting");
        }
        if (councilMeetingDate != null && councilMeetingDate.isAfter(LocalDate.ofInstant(now, clock.getZone()))) {
            throw ProblemException.ruleViolated("councilMeetingDate", "is in the future (" + councilMeetingDate + ")");
        }
        TermsOfReference latest = latest(request);
        ETags.requireMatch(ifMatch, latest.etag());
        request.status.requireMayMoveTo(AdviceRequestStatus.TERMS_AGREED);
        latest.signOff(caller.subject(), councilMeetingDate, now);
        request.termsAgreed(now);
        outbox.publish(request.id.toString(), new TermsOfReferenceSignedOff().adviceRequestId(request.id)
                .senate(request.senate).version(latest.version).status(status(latest))
                .requestStatus(request.status.value()).links(links(request)));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", latest.version);
        values.put("councilMeetingDate", councilMeetingDate == null ? null : councilMeetingDate.toString());
        values.put("requestStatus", request.status.value());
        audit.record("signed-off", TermsOfReference.ENTITY_TYPE, request.id.toString(), request.senate, values);
        return flushed(latest);
    }

    private TermsOfReference latest(AdviceRequest request) {
        return terms.latest(request.id).orElseThrow(() -> ProblemException.notFound(
                "No terms of reference are drafted for advice request " + request.id));
    }

    private Version flushed(TermsOfReference version) {
        terms.flush();
        return new Version(version, version.version);
    }

    private static String status(TermsOfReference version) {
        return version.status(version.version).value();
    }

    private static TermsOfReferenceLinks links(AdviceRequest request) {
        String self = "/advice-requests/" + request.id;
        return new TermsOfReferenceLinks().self(self + "/terms-of-reference").adviceRequest(self);
    }

    private static Map<String, Object> snapshot(TermsOfReference version) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", version.version);
        values.put("scope", version.scope);
        values.put("questions", version.questions);
        values.put("outOfScope", version.outOfScope);
        values.put("methods", version.methods);
        values.put("serviceChangeTests", version.serviceChangeTests);
        values.put("bedsClose", version.bedsClose);
        values.put("panelDates", version.panelDates.stream().map(LocalDate::toString).toList());
        values.put("draftReportBy", version.draftReportBy == null ? null : version.draftReportBy.toString());
        values.put("finalReportBy", version.finalReportBy == null ? null : version.finalReportBy.toString());
        values.put("confidentiality", version.confidentiality);
        return values;
    }
}
