package org.clinicalsenate.notification.mapping;

import org.clinicalsenate.api.common.model.CloudEvent;
import org.clinicalsenate.notification.domain.ReceivedEvent;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(config = MappingDefaults.class)
public interface ReceivedEventMapper {

    @Mapping(target = "event", source = ".")
    org.clinicalsenate.api.notification.model.ReceivedEvent toApi(ReceivedEvent received);

    @Mapping(target = "specversion", constant = "_1_0")
    @Mapping(target = "id", source = "eventId")
    // removeDataItem: a map helper of the generated model, which MapStruct would take for a property
    @Mapping(target = "removeDataItem", ignore = true)
    CloudEvent toCloudEvent(ReceivedEvent received);
}
