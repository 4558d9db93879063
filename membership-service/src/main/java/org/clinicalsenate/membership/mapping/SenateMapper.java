package org.clinicalsenate.membership.mapping;

import org.clinicalsenate.api.membership.model.SenateCreate;
import org.clinicalsenate.api.membership.model.SenateUpdate;
import org.clinicalsenate.membership.domain.Senate;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

@Mapper(config = MappingDefaults.class)
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
}
