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
@Mapper(config = MappingDefaults.class)
public interface ConflictCheckMapper {

    ConflictCheckResult toApi(Check check);

    @Mapping(target = "memberId", source = "member.id")
    @Mapping(target = "name", source = "member.name")
    @Mapping(target = "outcome", source = "result.outcome")
    @Mapping(target = "reasons", source = "result.reasons")
    MemberConflicts toApi(MemberResult result);

    ConflictReason toApi(Reason reason);
}
