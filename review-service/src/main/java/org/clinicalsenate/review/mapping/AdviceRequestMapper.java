package org.clinicalsenate.review.mapping;

import org.clinicalsenate.api.review.model.AdviceRequestCreate;
import org.clinicalsenate.review.domain.AdviceRequest;
import org.clinicalsenate.review.domain.AdviceRequestKind;
import org.clinicalsenate.review.domain.AdviceRequestStatus;
import org.clinicalsenate.review.domain.AdviceRequestSummary;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Entity and domain enums to and from the contract's models; enum constants map by name. */
@Mapper(config = MappingDefaults.class)
public interface AdviceRequestMapper {

    org.clinicalsenate.api.review.model.AdviceRequest toApi(AdviceRequest request);

    org.clinicalsenate.api.review.model.AdviceRequest toApi(AdviceRequestSummary request);

    @Mapping(target = "id", ignore = true)
    @Mapping(target = "status", ignore = true)
    @Mapping(target = "submittedBy", ignore = true)
    @Mapping(target = "submittedAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    @Mapping(target = "version", ignore = true)
    AdviceRequest toEntity(AdviceRequestCreate create);

    AdviceRequestKind toDomain(org.clinicalsenate.api.review.model.AdviceRequestKind kind);

    AdviceRequestStatus toDomain(org.clinicalsenate.api.review.model.AdviceRequestStatus status);

    org.clinicalsenate.api.review.model.AdviceRequestKind toApi(AdviceRequestKind kind);

    org.clinicalsenate.api.review.model.AdviceRequestStatus toApi(AdviceRequestStatus status);
}
