package org.clinicalsenate.review.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.events.model.AdviceRequestClosed;
import org.clinicalsenate.api.events.model.AdviceRequestReopened;
import org.clinicalsenate.api.events.model.EndorsementRecorded;
import org.clinicalsenate.api.events.model.FactualAccuracyCheckStarted;
import org.clinicalsenate.api.events.model.FactualAccuracyCommentAnswered;
import org.clinicalsenate.api.events.model.FactualAccuracyCommentReceived;
import org.clinicalsenate.api.events.model.PublicationConsentRecorded;
import org.clinicalsenate.api.events.model.ReportDrafted;
import org.clinicalsenate.api.events.model.ReportIssued;
import org.clinicalsenate.api.events.model.ReportLinks;
import org.clinicalsenate.api.events.model.ReportPublished;
import org.clinicalsenate.api.events.model.SponsorResponseRecorded;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.outbox.Outbox;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.review.config.ReviewConfig;
import org.clinicalsenate.review.domain.AdviceRequest;
import org.clinicalsenate.review.domain.AdviceRequestAccess;
import org.clinicalsenate.review.domain.AdviceRequestStatus;
import org.clinicalsenate.review.domain.ConsentDecision;
import org.clinicalsenate.review.domain.EndorsementDecision;
import org.clinicalsenate.review.domain.FactualAccuracyComment;
import org.clinicalsenate.review.domain.Report;
import org.clinicalsenate.review.domain.Report.RecommendationResponse;
import org.clinicalsenate.review.domain.ReportSections;
import org.clinicalsenate.review.domain.ReportVersion;
import org.clinicalsenate.review.domain.WorkingDays;
import org.clinicalsenate.review.repository.MeetingRepository;
import org.clinicalsenate.review.repository.PanelMemberRepository;
import org.clinicalsenate.review.repository.ReportRepository;
import org.clinicalsenate.review.repository.TermsOfReferenceRepository;

/**
 * The second half of a review: the panel's report in versions, the sponsor's factual-accuracy
 * check, the council's endorsement, the issue to the sponsor, the sponsor's consent and the
 * publication, the sponsor's response, closure and reopening. Which step may follow which is the
 * request's status; what each step needs of the report is {@link Report}. Each step is audited and
 * publishes its event with it.
 */
@ApplicationScoped
@Transactional
public class ReportService {

    /** A version with the sections built from the review's records. */
    public record VersionView(ReportVersion version, ReportSections sections) {
    }

    /** The report's life, the request's status and the comments the panel has not answered. */
    public record ReportView(Report report, AdviceRequestStatus status, long commentsOpen) {
    }

    /** The statuses in which a new version may be drafted (the first moves the request to draft-report). */
    private static final List<AdviceRequestStatus> DRAFTING = List.of(AdviceRequestStatus.EVIDENCE_GATHERING,
            AdviceRequestStatus.DRAFT_REPORT, AdviceRequestStatus.FACTUAL_ACCURACY_CHECK, AdviceRequestStatus.ENDORSED);

    /** The statuses of an issued report, before closure. */
    private static final List<AdviceRequestStatus> ISSUED = List.of(AdviceRequestStatus.ISSUED,
            AdviceRequestStatus.PUBLISHED, AdviceRequestStatus.SPONSOR_RESPONDED);

    @Inject
    Clock clock;

    @Inject
    ReviewConfig config;

    @Inject
    AdviceRequestService requests;

    @Inject
    PanelService panels;

    @Inject
    ReportRepository reports;

    @Inject
    TermsOfReferenceRepository terms;

    @Inject
    PanelMemberRepository panelMembers;

    @Inject
    MeetingRepository meetings;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    /** The report's life (404 while none is drafted, or not yet shared with a sponsor who asks). */
    @Transactional(TxType.SUPPORTS)
    public ReportView report(UUID requestId) {
        AdviceRequest request = panels.readable(requestId);
        return view(request, readable(request));
    }

    @Transactional(TxType.SUPPORTS)
    public List<VersionView> versions(UUID requestId) {
        AdviceRequest request = panels.readable(requestId);
        readable(request);
        ReportSections sections = sections(request.id);
        return reports.versions(request.id).stream().map(v -> new VersionView(v, sections)).toList();
    }

    @Transactional(TxType.SUPPORTS)
    public VersionView version(UUID requestId, int version) {
        AdviceRequest request = panels.readable(requestId);
        readable(request);
        ReportVersion found = reports.version(request.id, version).orElseThrow(() -> ProblemException.notFound(
                "Advice request " + requestId + " has no version " + version + " of its report"));
        return new VersionView(found, sections(request.id));
    }

    /** The request of a version, for its title on the page. */
    @Transactional(TxType.SUPPORTS)
    public AdviceRequest request(UUID requestId) {
        return panels.readable(requestId);
    }

    @Transactional(TxType.SUPPORTS)
    public List<FactualAccuracyComment> comments(UUID requestId) {
        AdviceRequest request = panels.readable(requestId);
        readable(request);
        return reports.comments(request.id);
    }

    /** Stores the next version; see the contract's {@code draftReport} for when. */
    public VersionView draft(UUID requestId, ReportVersion draft) {
        AdviceRequest request = decidedFor(requestId);
        request.status.requireIn(DRAFTING, "have its report drafted");
        Report report = reports.findById(request.id);
        Instant now = Instant.now(clock);
        switch (request.status) {
            case EVIDENCE_GATHERING -> request.moveTo(AdviceRequestStatus.DRAFT_REPORT, now);
            case FACTUAL_ACCURACY_CHECK -> requireAllAnswered(request, "a new version is drafted");
            case ENDORSED -> {
                if (!report.awaitsAmendedVersion()) {
                    throw conflict("The council endorsed version " + report.latestVersion + " of the report"
                            + (report.endorsement == EndorsementDecision.ENDORSED ? " as it is: it is final"
                                    : " with amendments, and the amended version is drafted"));
                }
            }
            default -> {
            }
        }
        int next = report == null ? 1 : report.latestVersion + 1;
        draft.draftFor(request.id, next, terms.latest(request.id).orElse(null), caller.subject(), now);
        reports.persist(draft);
        if (report == null) {
            report = Report.of(request.id);
            reports.persist(report);
        }
        report.latestVersion = next;
        outbox.publish(request.id.toString(), new ReportDrafted().adviceRequestId(request.id).senate(request.senate)
                .requestingOrganisation(request.requestingOrganisation).version(next)
                .requestStatus(request.status.value()).links(links(request)));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", next);
        values.put("recommendations", draft.recommendations.size());
        values.put("testAssessments", draft.testAssessments.stream().map(t -> t.test() + ": " + t.assessment()).toList());
        values.put("requestStatus", request.status.value());
        audit.record("drafted", ReportVersion.ENTITY_TYPE, request.id.toString(), request.senate, values);
        reports.flush();
        return new VersionView(draft, sections(request.id));
    }

    /**
     * Sends the latest draft to the sponsor (on {@code sentOn}, today by default: an earlier day
     * records a check already under way), due on {@code dueOn} or after the senate's working days.
     */
    public ReportView startFactualAccuracyCheck(UUID requestId, LocalDate sentOn, LocalDate dueOn) {
        AdviceRequest request = decidedFor(requestId);
        Instant now = Instant.now(clock);
        LocalDate sent = sentOn != null ? sentOn : LocalDate.ofInstant(now, clock.getZone());
        notInFuture("sentOn", sent, now);
        request.moveTo(AdviceRequestStatus.FACTUAL_ACCURACY_CHECK, now);
        LocalDate due = dueOn != null ? dueOn
                : workingDays().after(sent, config.factualAccuracyWorkingDays(request.senate));
        Report report = reports.findById(request.id);
        report.sentForFactualAccuracy(sent, due, caller.subject(), now);
        outbox.publish(request.id.toString(), new FactualAccuracyCheckStarted().adviceRequestId(request.id)
                .senate(request.senate).requestingOrganisation(request.requestingOrganisation)
                .version(report.latestVersion).requestStatus(request.status.value()).dueOn(due).links(links(request)));
        audit.record("factual-accuracy-check-started", ReportVersion.ENTITY_TYPE, request.id.toString(), request.senate,
                Map.of("version", report.latestVersion, "sentOn", sent.toString(), "dueOn", due.toString()));
        return flushed(request, report);
    }

    /**
     * The sponsor's comment on the version sent: until the due date, then marked late for the
     * senate's grace period, which the sponsor is not told (409 after).
     */
    public FactualAccuracyComment comment(UUID requestId, String section, Integer recommendation, String text) {
        AdviceRequest request = requests.lockForChange(requestId, null, false);
        AdviceRequestAccess.of(caller).requireSpeaksForRequester(request);
        request.status.requireIs(AdviceRequestStatus.FACTUAL_ACCURACY_CHECK, "take factual-accuracy comments");
        Report report = reports.findById(request.id);
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        LocalDate due = report.factualAccuracyDueOn;
        if (today.isAfter(workingDays().after(due, config.graceWorkingDays(request.senate)))) {
            throw conflict("The factual-accuracy check of this report closed: comments were due on " + due);
        }
        ReportVersion sent = reports.version(request.id, report.factualAccuracyVersion).orElseThrow();
        FactualAccuracyComment comment = FactualAccuracyComment.on(sent, section, recommendation, text,
                today.isAfter(due), caller.subject(), now);
        reports.persist(comment);
        outbox.publish(request.id.toString(), new FactualAccuracyCommentReceived().adviceRequestId(request.id)
                .senate(request.senate).requestingOrganisation(request.requestingOrganisation)
                .version(sent.version).requestStatus(request.status.value()).commentId(comment.id).late(comment.late)
                .links(links(request)));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", sent.version);
        values.put("section", section);
        values.put("recommendation", recommendation);
        values.put("late", comment.late);
        audit.record("commented", FactualAccuracyComment.ENTITY_TYPE, comment.id.toString(), request.senate, values);
        reports.flush();
        return comment;
    }

    /** The panel's answer to a comment, while the check is open. */
    public FactualAccuracyComment answer(UUID requestId, UUID commentId, FactualAccuracyComment.Outcome outcome,
            String change, String reason) {
        AdviceRequest request = decidedFor(requestId);
        FactualAccuracyComment comment = reports.comment(request.id, commentId).orElseThrow(() ->
                ProblemException.notFound("Advice request " + requestId + " has no comment " + commentId));
        request.status.requireIs(AdviceRequestStatus.FACTUAL_ACCURACY_CHECK, "have comments answered");
        comment.answer(outcome, change, reason, caller.subject(), Instant.now(clock));
        outbox.publish(request.id.toString(), new FactualAccuracyCommentAnswered().adviceRequestId(request.id)
                .senate(request.senate).requestingOrganisation(request.requestingOrganisation)
                .version(comment.version).requestStatus(request.status.value()).commentId(comment.id)
                .outcome(outcome.value()).links(links(request)));
        audit.record("answered", FactualAccuracyComment.ENTITY_TYPE, comment.id.toString(), request.senate,
                Map.of("outcome", outcome.value()));
        reports.flush();
        return comment;
    }

    /**
     * The council's decision, after the check: every comment answered and, when any was accepted,
     * a version drafted after the answers. Not endorsed, the report goes back to draft.
     */
    public ReportView endorse(UUID requestId, EndorsementDecision decision, LocalDate meetingOn, String note) {
        AdviceRequest request = decidedFor(requestId);
        Instant now = Instant.now(clock);
        notInFuture("councilMeetingDate", meetingOn, now);
        request.status.requireIs(AdviceRequestStatus.FACTUAL_ACCURACY_CHECK, "have the council's decision recorded");
        requireAllAnswered(request, "the council decides");
        Report report = reports.findById(request.id);
        ReportVersion latest = reports.version(request.id, report.latestVersion).orElseThrow();
        reports.comments(request.id).stream()
                .filter(c -> c.outcome == FactualAccuracyComment.Outcome.ACCEPTED && c.answeredAt.isAfter(latest.draftedAt))
                .findFirst().ifPresent(accepted -> {
                    throw conflict("The panel accepted a comment after version " + latest.version
                            + " was drafted: draft the version with the change before the council decides");
                });
        request.moveTo(decision == EndorsementDecision.NOT_ENDORSED ? AdviceRequestStatus.DRAFT_REPORT
                : AdviceRequestStatus.ENDORSED, now);
        report.endorsed(decision, meetingOn, note, caller.subject(), now);
        outbox.publish(request.id.toString(), new EndorsementRecorded().adviceRequestId(request.id)
                .senate(request.senate).requestingOrganisation(request.requestingOrganisation)
                .version(report.latestVersion).requestStatus(request.status.value()).decision(decision.value())
                .links(links(request)));
        audit.record("endorsement-recorded", ReportVersion.ENTITY_TYPE, request.id.toString(), request.senate,
                Map.of("decision", decision.value(), "councilMeetingDate", meetingOn.toString(),
                        "version", report.latestVersion, "requestStatus", request.status.value()));
        return flushed(request, report);
    }

    /** Issues the final version to the sponsor. */
    public ReportView issue(UUID requestId, LocalDate issuedOn) {
        AdviceRequest request = decidedFor(requestId);
        Instant now = Instant.now(clock);
        LocalDate on = issuedOn != null ? issuedOn : LocalDate.ofInstant(now, clock.getZone());
        notInFuture("issuedOn", on, now);
        request.moveTo(AdviceRequestStatus.ISSUED, now);
        Report report = reports.findById(request.id);
        report.issued(on, caller.subject());
        outbox.publish(request.id.toString(), new ReportIssued().adviceRequestId(request.id).senate(request.senate)
                .requestingOrganisation(request.requestingOrganisation).version(report.issuedVersion)
                .requestStatus(request.status.value()).links(links(request)));
        audit.record("issued", ReportVersion.ENTITY_TYPE, request.id.toString(), request.senate,
                Map.of("version", report.issuedVersion, "issuedOn", on.toString()));
        return flushed(request, report);
    }

    /**
     * The sponsor's decision on publication: its requester's own, or an admin's record of a
     * decision made elsewhere, with who gave it and when.
     */
    public ReportView consent(UUID requestId, ConsentDecision decision, String givenBy, LocalDate givenOn) {
        AdviceRequest request = requests.lockForChange(requestId, null, false);
        AdviceRequestAccess access = AdviceRequestAccess.of(caller);
        Instant now = Instant.now(clock);
        String by = givenBy;
        LocalDate on = givenOn;
        if (access.decidesFor(request.senate)) {
            if (givenBy == null || givenBy.isBlank()) {
                throw ProblemException.ruleViolated("givenBy", "is required: an admin records who gave the sponsor's decision");
            }
            if (givenOn == null) {
                throw ProblemException.ruleViolated("givenOn", "is required: an admin records when the sponsor decided");
            }
            notInFuture("givenOn", givenOn, now);
        } else {
            access.requireSpeaksForRequester(request);
            by = caller.subject();
            on = LocalDate.ofInstant(now, clock.getZone());
        }
        request.status.requireIn(List.of(AdviceRequestStatus.ISSUED, AdviceRequestStatus.SPONSOR_RESPONDED),
                "have the sponsor's consent to publication recorded");
        Report report = reports.findById(request.id);
        report.consent(decision, by, on, caller.subject(), now);
        outbox.publish(request.id.toString(), new PublicationConsentRecorded().adviceRequestId(request.id)
                .senate(request.senate).requestingOrganisation(request.requestingOrganisation)
                .version(report.issuedVersion).requestStatus(request.status.value()).decision(decision.value())
                .links(links(request)));
        audit.record("publication-consent-recorded", ReportVersion.ENTITY_TYPE, request.id.toString(), request.senate,
                Map.of("decision", decision.value(), "givenBy", by, "givenOn", on.toString()));
        return flushed(request, report);
    }

    /** Publishes the issued version, with the sponsor's consent. */
    public ReportView publish(UUID requestId) {
        AdviceRequest request = decidedFor(requestId);
        Instant now = Instant.now(clock);
        request.moveTo(AdviceRequestStatus.PUBLISHED, now);
        Report report = reports.findById(request.id);
        report.published(caller.subject(), now);
        outbox.publish(request.id.toString(), new ReportPublished().adviceRequestId(request.id).senate(request.senate)
                .requestingOrganisation(request.requestingOrganisation).version(report.publishedVersion)
                .requestStatus(request.status.value()).links(links(request)));
        audit.record("published", ReportVersion.ENTITY_TYPE, request.id.toString(), request.senate,
                Map.of("version", report.publishedVersion));
        return flushed(request, report);
    }

    /** The sponsor's response to every recommendation of the issued version. */
    public ReportView respond(UUID requestId, List<RecommendationResponse> responses) {
        AdviceRequest request = requests.lockForChange(requestId, null, false);
        AdviceRequestAccess access = AdviceRequestAccess.of(caller);
        if (!access.decidesFor(request.senate)) {
            access.requireSpeaksForRequester(request);
        }
        Instant now = Instant.now(clock);
        request.moveTo(AdviceRequestStatus.SPONSOR_RESPONDED, now);
        Report report = reports.findById(request.id);
        report.responded(responses, reports.version(request.id, report.issuedVersion).orElseThrow(), caller.subject(),
                now);
        outbox.publish(request.id.toString(), new SponsorResponseRecorded().adviceRequestId(request.id)
                .senate(request.senate).requestingOrganisation(request.requestingOrganisation)
                .version(report.issuedVersion).requestStatus(request.status.value()).links(links(request)));
        audit.record("sponsor-response-recorded", ReportVersion.ENTITY_TYPE, request.id.toString(), request.senate,
                Map.of("responses", responses.stream().map(r -> r.recommendation() + ": " + r.response()).toList()));
        return flushed(request, report);
    }

    /** Closes a review whose report was issued. */
    public ReportView close(UUID requestId, String note) {
        AdviceRequest request = decidedFor(requestId);
        request.status.requireIn(ISSUED, "be closed");
        AdviceRequestStatus from = request.status;
        Instant now = Instant.now(clock);
        request.moveTo(AdviceRequestStatus.CLOSED, now);
        Report report = reports.findById(request.id);
        report.closed(from, note, caller.subject(), now);
        outbox.publish(request.id.toString(), new AdviceRequestClosed().adviceRequestId(request.id)
                .senate(request.senate).requestingOrganisation(request.requestingOrganisation)
                .version(report.latestVersion).requestStatus(request.status.value()).links(links(request)));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("closedFrom", from.value());
        values.put("note", note);
        audit.record("closed", AdviceRequest.ENTITY_TYPE, request.id.toString(), request.senate, values);
        return flushed(request, report);
    }

    /** A platform-admin reopens a closed review, with a reason: back to the status it was closed from. */
    public ReportView reopen(UUID requestId, String reason) {
        AdviceRequest request = requests.lockForChange(requestId, null, false);
        request.status.requireIs(AdviceRequestStatus.CLOSED, "be reopened");
        Instant now = Instant.now(clock);
        Report report = reports.findById(request.id);
        request.reopen(report.reopened(reason, caller.subject(), now), now);
        outbox.publish(request.id.toString(), new AdviceRequestReopened().adviceRequestId(request.id)
                .senate(request.senate).requestingOrganisation(request.requestingOrganisation)
                .version(report.latestVersion).requestStatus(request.status.value()).links(links(request)));
        audit.record("reopened", AdviceRequest.ENTITY_TYPE, request.id.toString(), request.senate,
                Map.of("reason", reason, "requestStatus", request.status.value()));
        return flushed(request, report);
    }

    /** The request, locked, for a step its senate decides (404 out of scope, 403 unless an admin or chair of it). */
    private AdviceRequest decidedFor(UUID requestId) {
        AdviceRequest request = requests.lockForChange(requestId, null, false);
        AdviceRequestAccess.of(caller).requireMayDecideFor(request.senate);
        return request;
    }

    /**
     * The request's report for a reader: a requester (of the requesting or sponsoring organisation)
     * reads it once a draft was sent for the factual-accuracy check; the senate and the panel before.
     */
    private Report readable(AdviceRequest request) {
        Report report = reports.findById(request.id);
        AdviceRequestAccess access = AdviceRequestAccess.of(caller);
        boolean requesterOnly = access.maySee(request) && !access.decidesFor(request.senate);
        if (report == null || (requesterOnly && !report.sharedWithSponsor())) {
            throw ProblemException.notFound("No report of advice request " + request.id + " is "
                    + (report == null ? "drafted" : "shared with the sponsor") + " yet");
        }
        return report;
    }

    private void requireAllAnswered(AdviceRequest request, String before) {
        long open = reports.comments(request.id).stream().filter(c -> !c.answered()).count();
        if (open > 0) {
            throw conflict(open + " of the sponsor's factual-accuracy comments " + (open == 1 ? "is" : "are")
                    + " not answered: the panel answers each before " + before);
        }
    }

    private ReportSections sections(UUID requestId) {
        return ReportSections.of(panelMembers.panel(requestId), meetings.of(requestId),
                meetings.participants(requestId, null), meetings.declarations(requestId, null));
    }

    private ReportView flushed(AdviceRequest request, Report report) {
        reports.flush();
        return view(request, report);
    }

    private ReportView view(AdviceRequest request, Report report) {
        long open = reports.comments(request.id).stream().filter(c -> !c.answered()).count();
        return new ReportView(report, request.status, open);
    }

    private WorkingDays workingDays() {
        return new WorkingDays(config.bankHolidays());
    }

    private void notInFuture(String field, LocalDate day, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        if (Objects.requireNonNull(day).isAfter(today)) {
            throw ProblemException.ruleViolated(field, "is in the future (" + day + ")");
        }
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, List.of(), List.of());
    }

    private static ReportLinks links(AdviceRequest request) {
        String self = "/advice-requests/" + request.id;
        return new ReportLinks().self(self + "/report").adviceRequest(self);
    }
}
