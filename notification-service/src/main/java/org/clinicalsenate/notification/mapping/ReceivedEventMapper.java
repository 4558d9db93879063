package org.clinicalsenate.notification.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.clinicalsenate.api.common.model.CloudEvent;
import org.clinicalsenate.notification.domain.ReceivedEvent;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
public interface ReceivedEventMapper {

    @Mapping(target = "event", source = ".")
    org.clinicalsenate.api.notification.model.ReceivedEvent toApi(ReceivedEvent received);

    @Mapping(target = "specversion", constant = "_1_0")
    @Mapping(target = "id", source = "eventId")
    CloudEvent toCloudEvent(ReceivedEvent received);

    default OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
