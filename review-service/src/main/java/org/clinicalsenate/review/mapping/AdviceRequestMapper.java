package org.clinicalsenate.review.mapping;

import org.clinicalsenate.api.review.model.AdviceRequestCreate;
import org.clinicalsenate.review.domain.AdviceRequest;
import org.clinicalsenate.review.domain.AdviceRequestKind;
import org.clinicalsenate.review.domain.AdviceRequestStatus;
import org.clinicalsenate.review.domain.AdviceRequestSummary;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.commons.mapping.OpenEnums;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Entity and domain enums to and from the contract's models; closed enums map by constant name. */
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

    /** A status filter (an open list in the contract): 400 unless the domain knows it. */
    default AdviceRequestStatus status(String status) {
        return OpenEnums.parse(AdviceRequestStatus.class, "status", status);
    }

    org.clinicalsenate.api.review.model.AdviceRequestKind toApi(AdviceRequestKind kind);

    /** The status is an open list in the contract: its value as a string. */
    default String toApi(AdviceRequestStatus status) {
        return OpenEnums.value(status);
    }
}
