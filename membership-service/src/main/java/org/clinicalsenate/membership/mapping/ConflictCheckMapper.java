package org.clinicalsenate.membership.mapping;

import org.clinicalsenate.api.membership.model.ConflictCheckResult;
import org.clinicalsenate.api.membership.model.ConflictReason;
import org.clinicalsenate.api.membership.model.MemberConflicts;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.membership.domain.ConflictRules.Reason;
import org.clinicalsenate.membership.service.ConflictCheckService.Check;
import org.clinicalsenate.membership.service.ConflictCheckService.MemberResult;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** A conflict check's answer: each member by id and name only (no contact details), with the reasons. */
@Mapper(config = MappingDefaults.class, uses = OpenLists.class)
public interface ConflictCheckMapper {

    // removeXItem: a list helper of the generated model, which MapStruct would take for a property
    @Mapping(target = "removeResultsItem", ignore = true)
    ConflictCheckResult toApi(Check check);

    @Mapping(target = "memberId", source = "member.id")
    @Mapping(target = "name", source = "member.name")
    @Mapping(target = "outcome", source = "result.outcome")
    @Mapping(target = "reasons", source = "result.reasons")
    @Mapping(target = "removeReasonsItem", ignore = true)
    MemberConflicts toApi(MemberResult result);

    ConflictReason toApi(Reason reason);
}
