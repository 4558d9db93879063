package org.clinicalsenate.commons.mapping;

import org.mapstruct.MapperConfig;

/** What every service's MapStruct mappers share: {@code @Mapper(config = MappingDefaults.class)}. */
@MapperConfig(uses = Times.class)
public interface MappingDefaults {
}
