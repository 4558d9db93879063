package org.clinicalsenate.membership.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.clinicalsenate.api.membership.model.SenateCreate;
import org.clinicalsenate.api.membership.model.SenateUpdate;
import org.clinicalsenate.membership.domain.Senate;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

@Mapper
public interface SenateMapper {

    org.clinicalsenate.api.membership.model.Senate toApi(Senate senate);

    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    Senate toEntity(SenateCreate create);

    @Mapping(target = "slug", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    void update(SenateUpdate update, @MappingTarget Senate senate);

    default OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
