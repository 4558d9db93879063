package org.clinicalsenate.commons.mapping;

import org.mapstruct.MapperConfig;

/**
 * What every service's MapStruct mappers share: {@code @Mapper(config = MappingDefaults.class)}.
 * (A target property that nothing fills fails the build: {@code unmappedTargetPolicy=ERROR} in the
 * parent pom.)
 */
@MapperConfig(uses = Times.class)
public interface MappingDefaults {
}
