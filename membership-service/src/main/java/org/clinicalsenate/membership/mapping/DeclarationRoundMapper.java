package org.clinicalsenate.membership.mapping;

import org.clinicalsenate.api.membership.model.RoundMember;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.commons.mapping.OpenEnums;
import org.clinicalsenate.membership.domain.DeclarationRound;
import org.clinicalsenate.membership.service.DeclarationRoundService;
import org.clinicalsenate.membership.service.DeclarationRoundService.RoundView;
import org.clinicalsenate.membership.service.Rosters.Return;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Rounds with their counts, and members' returns, to the contract's models. */
@Mapper(config = MappingDefaults.class, uses = OpenLists.class)
public interface DeclarationRoundMapper {

    default org.clinicalsenate.api.membership.model.DeclarationRound toApi(RoundView view) {
        return toApi(view.round(), view.current(), view.summary());
    }

    @Mapping(target = "current", source = "current")
    @Mapping(target = "summary", source = "summary")
    org.clinicalsenate.api.membership.model.DeclarationRound toApi(DeclarationRound round, boolean current,
            DeclarationRoundService.Counts summary);

    @Mapping(target = "status", source = "made.status")
    @Mapping(target = "lastDeclaredAt", source = "made.lastDeclaredAt")
    RoundMember toApi(DeclarationRoundService.RoundMember member);

    /** A return status filter (an open list in the contract): 400 unless the domain knows it. */
    default Return returnStatus(String status) {
        return OpenEnums.parse(Return.class, "status", status);
    }
}
