package org.clinicalsenate.review.mapping;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.clinicalsenate.api.review.model.AdviceRequestCreate;
import org.clinicalsenate.api.review.model.AdviceRequestTriage;
import org.clinicalsenate.api.review.model.AdviceRequestUpdate;
import org.clinicalsenate.api.review.model.OutcomeDomain;
import org.clinicalsenate.api.review.model.RecordedTriage;
import org.clinicalsenate.api.review.model.RecordedWithdrawal;
import org.clinicalsenate.api.review.model.RedirectTarget;
import org.clinicalsenate.api.review.model.RequesterContact;
import org.clinicalsenate.api.review.model.ReviewProgressCounts;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.commons.mapping.OpenEnums;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.review.domain.AdviceRequest;
import org.clinicalsenate.review.domain.AdviceRequestAccess;
import org.clinicalsenate.review.domain.AdviceRequestKind;
import org.clinicalsenate.review.domain.AdviceRequestStatus;
import org.clinicalsenate.review.domain.AdviceRequestSummary;
import org.clinicalsenate.review.domain.AssuranceStage;
import org.clinicalsenate.review.domain.OrganisationType;
import org.clinicalsenate.review.domain.ProposalStage;
import org.clinicalsenate.review.domain.ReviewProgress;
import org.clinicalsenate.review.domain.Triage;
import org.clinicalsenate.review.domain.StageDeadline;
import org.clinicalsenate.review.domain.TriageDecision;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

/**
 * Entity and domain enums to and from the contract's models; closed enums map by constant name.
 * A request carries {@code triage} once triaged and {@code withdrawal} once withdrawn; a list's
 * items (projections) carry neither.
 */
@Mapper(config = MappingDefaults.class)
public interface AdviceRequestMapper {

    /** The request as the caller may see it: the requester's contact only for those {@code access} allows. */
    default org.clinicalsenate.api.review.model.AdviceRequest toApi(AdviceRequest request, AdviceRequestAccess access) {
        org.clinicalsenate.api.review.model.AdviceRequest api = toApi(request);
        if (access.maySeeContact(request.senate, request.requestingOrganisation) && request.requesterName != null) {
            api.requesterContact(new RequesterContact().name(request.requesterName).email(request.requesterEmail));
        }
        return api;
    }

    @Mapping(target = "triage", expression = "java(triage(request))")
    @Mapping(target = "withdrawal", expression = "java(withdrawal(request))")
    @Mapping(target = "requesterContact", ignore = true) // personal data: see toApi(request, access)
    @Mapping(target = "removeAreaUnderReviewItem", ignore = true)
    @Mapping(target = "removeOrganisationsInScopeItem", ignore = true)
    @Mapping(target = "removeOutcomeDomainsItem", ignore = true)
    org.clinicalsenate.api.review.model.AdviceRequest toApi(AdviceRequest request);

    @Mapping(target = "triage", ignore = true)
    @Mapping(target = "withdrawal", ignore = true)
    @Mapping(target = "requesterContact", ignore = true)
    @Mapping(target = "background", ignore = true)
    @Mapping(target = "removeAreaUnderReviewItem", ignore = true)
    @Mapping(target = "removeOrganisationsInScopeItem", ignore = true)
    @Mapping(target = "removeOutcomeDomainsItem", ignore = true)
    org.clinicalsenate.api.review.model.AdviceRequest toApi(AdviceRequestSummary request);

    @FromRequester
    AdviceRequest toEntity(AdviceRequestCreate create);

    /** What the submitter may change, onto the stored request (the rest stays as it is). */
    @FromRequester
    @Mapping(target = "senate", ignore = true)
    @Mapping(target = "requestingOrganisation", ignore = true)
    @Mapping(target = "requestingOrganisationType", ignore = true)
    void update(AdviceRequestUpdate update, @MappingTarget AdviceRequest request);

    /** A list omitted from a request is none; an ODS code list keeps the order sent. */
    default List<String> codes(Set<String> codes) {
        return codes == null ? new ArrayList<>() : new ArrayList<>(codes);
    }

    default List<String> outcomeDomains(Set<OutcomeDomain> domains) {
        return domains == null ? new ArrayList<>() : domains.stream().map(OutcomeDomain::toString).collect(
                Collectors.toCollection(ArrayList::new));
    }

    default Set<OutcomeDomain> outcomeDomains(List<String> domains) {
        return domains.stream().map(OutcomeDomain::fromValue).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    org.clinicalsenate.api.review.model.OrganisationType toApi(OrganisationType type);

    OrganisationType toDomain(org.clinicalsenate.api.review.model.OrganisationType type);

    org.clinicalsenate.api.review.model.ProposalStage toApi(ProposalStage stage);

    ProposalStage toDomain(org.clinicalsenate.api.review.model.ProposalStage stage);

    org.clinicalsenate.api.review.model.AssuranceStage toApi(AssuranceStage stage);

    AssuranceStage toDomain(org.clinicalsenate.api.review.model.AssuranceStage stage);

    AdviceRequestKind toDomain(org.clinicalsenate.api.review.model.AdviceRequestKind kind);

    TriageDecision toDomain(org.clinicalsenate.api.review.model.TriageDecision decision);

    default Triage toDomain(AdviceRequestTriage triage) {
        RedirectTarget target = triage.getRedirectedTo();
        return new Triage(toDomain(triage.getDecision()), toDomain(triage.getKind()), triage.getLead(),
                triage.getReason(), target == null ? null : target.getSenate(), target == null ? null : target.getBody(),
                Boolean.TRUE.equals(triage.getConfidential()));
    }

    /** A status filter (an open list in the contract): 400 unless the domain knows it. */
    default AdviceRequestStatus status(String status) {
        return OpenEnums.parse(AdviceRequestStatus.class, "status", status);
    }

    org.clinicalsenate.api.review.model.AdviceRequestKind toApi(AdviceRequestKind kind);

    org.clinicalsenate.api.review.model.TriageDecision toApi(TriageDecision decision);

    /** The status is an open list in the contract: its value as a string. */
    default String toApi(AdviceRequestStatus status) {
        return OpenEnums.value(status);
    }

    default RecordedTriage triage(AdviceRequest request) {
        if (request.triagedAt == null) {
            return null;
        }
        boolean redirected = request.redirectedToSenate != null || request.redirectedToBody != null;
        return new RecordedTriage()
                .decision(toApi(request.triageDecision))
                .lead(request.lead)
                .reason(request.triageReason)
                .redirectedTo(redirected
                        ? new RedirectTarget().senate(request.redirectedToSenate).body(request.redirectedToBody)
                        : null)
                .confidential(request.triageDecision == TriageDecision.ACCEPT ? request.confidential : null)
                .decidedBy(request.triagedBy)
                .decidedAt(Times.utc(request.triagedAt));
    }

    default RecordedWithdrawal withdrawal(AdviceRequest request) {
        if (request.withdrawnAt == null) {
            return null;
        }
        return new RecordedWithdrawal()
                .reason(request.withdrawalReason)
                .recordedBy(request.withdrawnBy)
                .recordedAt(Times.utc(request.withdrawnAt));
    }

    /**
     * What a requester's body sets on a request: its own fields and the contact. The rest is the
     * service's to set (id, status, times, version, triage, withdrawal, the short-notice flag).
     */
    @Retention(RetentionPolicy.CLASS)
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "status", ignore = true)
    @Mapping(target = "submittedBy", ignore = true)
    @Mapping(target = "submittedAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "triageDecision", ignore = true)
    @Mapping(target = "lead", ignore = true)
    @Mapping(target = "triageReason", ignore = true)
    @Mapping(target = "redirectedToSenate", ignore = true)
    @Mapping(target = "redirectedToBody", ignore = true)
    @Mapping(target = "triagedBy", ignore = true)
    @Mapping(target = "triagedAt", ignore = true)
    @Mapping(target = "withdrawalReason", ignore = true)
    @Mapping(target = "withdrawnBy", ignore = true)
    @Mapping(target = "withdrawnAt", ignore = true)
    @Mapping(target = "shortNotice", ignore = true)
    @Mapping(target = "confidential", ignore = true)
    @Mapping(target = "requesterName", source = "requesterContact.name")
    @Mapping(target = "requesterEmail", source = "requesterContact.email")
    @interface FromRequester {
    }

    /** Where a request stands, without its content (assurance). */
    default org.clinicalsenate.api.review.model.ReviewProgress toApi(ReviewProgress progress) {
        return new org.clinicalsenate.api.review.model.ReviewProgress()
                .adviceRequestId(progress.id)
                .senate(progress.senate)
                .kind(toApi(progress.kind))
                .status(toApi(progress.status))
                .statusSince(Times.utc(progress.statusSince))
                .shortNotice(progress.shortNotice)
                .neededBy(progress.neededBy)
                .submittedAt(Times.utc(progress.submittedAt))
                .triagedAt(Times.utc(progress.triagedAt))
                .termsSignedOffAt(Times.utc(progress.termsSignedOffAt))
                .updatedAt(Times.utc(progress.updatedAt))
                .counts(new ReviewProgressCounts()
                        .panelMembers(progress.panelMembers)
                        .meetingsHeld(progress.meetingsHeld)
                        .evidenceItems(progress.evidenceItems)
                        .informationRequestsOpen(progress.informationRequestsOpen));
    }

    /** A stage's due date; overdue as of {@code today}. */
    default org.clinicalsenate.api.review.model.StageDeadline toApi(StageDeadline deadline, LocalDate today) {
        return new org.clinicalsenate.api.review.model.StageDeadline()
                .adviceRequestId(deadline.adviceRequestId())
                .senate(deadline.senate())
                .stage(deadline.stage().value())
                .since(Times.utc(deadline.since()))
                .dueOn(deadline.dueOn())
                .dueFrom(deadline.dueFrom().value())
                .graceUntil(deadline.graceUntil())
                .overdue(deadline.overdueOn(today));
    }
}
