package org.clinicalsenate.membership.mapping;

import org.clinicalsenate.api.membership.model.MeetingDeclarationCreate;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.membership.domain.MeetingDeclaration;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Meeting declarations to and from the contract's models; enum constants map by name. */
@Mapper(config = MappingDefaults.class)
public interface MeetingDeclarationMapper {

    org.clinicalsenate.api.membership.model.MeetingDeclaration toApi(MeetingDeclaration declaration);

    @Mapping(target = "id", ignore = true)
    @Mapping(target = "meetingRef", ignore = true)
    @Mapping(target = "recordedBy", ignore = true)
    @Mapping(target = "recordedAt", ignore = true)
    MeetingDeclaration toEntity(MeetingDeclarationCreate create);
}
