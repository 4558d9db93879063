package org.clinicalsenate.review.mapping;

import org.clinicalsenate.api.review.model.AdviceRequestCreate;
import org.clinicalsenate.api.review.model.AdviceRequestTriage;
import org.clinicalsenate.api.review.model.RecordedTriage;
import org.clinicalsenate.api.review.model.RecordedWithdrawal;
import org.clinicalsenate.api.review.model.RedirectTarget;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.commons.mapping.OpenEnums;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.review.domain.AdviceRequest;
import org.clinicalsenate.review.domain.AdviceRequestKind;
import org.clinicalsenate.review.domain.AdviceRequestStatus;
import org.clinicalsenate.review.domain.AdviceRequestSummary;
import org.clinicalsenate.review.domain.Triage;
import org.clinicalsenate.review.domain.TriageDecision;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * Entity and domain enums to and from the contract's models; closed enums map by constant name.
 * A request carries {@code triage} once triaged and {@code withdrawal} once withdrawn; a list's
 * items (projections) carry neither.
 */
@Mapper(config = MappingDefaults.class)
public interface AdviceRequestMapper {

    @Mapping(target = "triage", expression = "java(triage(request))")
    @Mapping(target = "withdrawal", expression = "java(withdrawal(request))")
    org.clinicalsenate.api.review.model.AdviceRequest toApi(AdviceRequest request);

    @Mapping(target = "triage", ignore = true)
    @Mapping(target = "withdrawal", ignore = true)
    org.clinicalsenate.api.review.model.AdviceRequest toApi(AdviceRequestSummary request);

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
    AdviceRequest toEntity(AdviceRequestCreate create);

    AdviceRequestKind toDomain(org.clinicalsenate.api.review.model.AdviceRequestKind kind);

    TriageDecision toDomain(org.clinicalsenate.api.review.model.TriageDecision decision);

    default Triage toDomain(AdviceRequestTriage triage) {
        RedirectTarget target = triage.getRedirectedTo();
        return new Triage(toDomain(triage.getDecision()), toDomain(triage.getKind()), triage.getLead(),
                triage.getReason(), target == null ? null : target.getSenate(), target == null ? null : target.getBody());
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
}
