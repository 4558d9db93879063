package org.clinicalsenate.membership.mapping;

import java.time.Instant;
import java.time.LocalDate;

import org.clinicalsenate.api.membership.model.ManagementAction;
import org.clinicalsenate.api.membership.model.NamedDecisionMaker;
import org.clinicalsenate.api.membership.model.Register;
import org.clinicalsenate.api.membership.model.RegisterEntry;
import org.clinicalsenate.api.membership.model.RoundRef;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.membership.domain.DeclarationRound;
import org.clinicalsenate.membership.domain.PublishedInterest;
import org.clinicalsenate.membership.domain.PublishedRegister;
import org.clinicalsenate.membership.domain.PublishedRegister.DecisionMaker;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

/**
 * The public register. Only what is listed here is published: never the member's email or id, the
 * declaration's id, review notes or withheld reasons.
 */
@Mapper(config = MappingDefaults.class, uses = OpenLists.class)
public interface RegisterMapper {

    @Mapping(target = "senate", source = "senate.slug")
    @Mapping(target = "senateName", source = "senate.name")
    // removeXItem: a list helper of the generated model, which MapStruct would take for a property
    @Mapping(target = "removeDecisionMakersItem", ignore = true)
    @Mapping(target = "removeNoDeclarationItem", ignore = true)
    Register toApi(PublishedRegister register);

    RoundRef toApi(DeclarationRound round);

    @Mapping(target = "name", source = "member.name")
    @Mapping(target = "professionalTitle", source = "member.professionalTitle")
    @Mapping(target = "profession", source = "member.profession")
    @Mapping(target = "removeDeclarationsItem", ignore = true)
    org.clinicalsenate.api.membership.model.DecisionMaker toApi(DecisionMaker decisionMaker);

    @Mapping(target = "name", source = "member.name")
    NamedDecisionMaker toNamed(DecisionMaker decisionMaker);

    @FlattenedInterest
    @Mapping(target = "declaredOn", source = "declaredAt", qualifiedByName = "declaredOn")
    @Mapping(target = "managementAction", source = ".")
    RegisterEntry toApi(PublishedInterest published);

    org.clinicalsenate.api.membership.model.Counterparty toApi(
            org.clinicalsenate.membership.domain.Counterparty counterparty);

    org.clinicalsenate.api.membership.model.ManagementActionKind toApi(
            org.clinicalsenate.membership.domain.ManagementActionKind kind);

    /** The action taken for the published version (never the review's internal note). */
    default ManagementAction managementAction(PublishedInterest published) {
        return published.action() == null ? null
                : new ManagementAction(toApi(published.action())).detail(published.actionDetail());
    }

    @Named("declaredOn")
    default LocalDate declaredOn(Instant declaredAt) {
        return PublishedRegister.declaredOn(declaredAt);
    }
}
