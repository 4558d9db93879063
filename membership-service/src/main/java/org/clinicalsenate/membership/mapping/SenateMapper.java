package org.clinicalsenate.membership.mapping;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.clinicalsenate.api.membership.model.SenateCreate;
import org.clinicalsenate.api.membership.model.SenateUpdate;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.membership.domain.Senate;
import org.clinicalsenate.membership.domain.SenateSummary;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.NullValuePropertyMappingStrategy;

/** Appointment rules left out of a create or update keep their current (or default) values. */
@Mapper(config = MappingDefaults.class)
public interface SenateMapper {

    @ToApi
    org.clinicalsenate.api.membership.model.Senate toApi(Senate senate);

    @ToApi
    org.clinicalsenate.api.membership.model.Senate toApi(SenateSummary senate);

    /** A senate (entity or summary) to the contract: its appointment rules are grouped there. */
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.METHOD)
    @Mapping(target = "appointmentRules.maxTermYears", source = "maxTermYears")
    @Mapping(target = "appointmentRules.maxConsecutiveTerms", source = "maxConsecutiveTerms")
    @Mapping(target = "appointmentRules.councilSeats", source = "councilSeats")
    // removeXItem: a list helper of the generated model, which MapStruct would take for a property
    @Mapping(target = "removeCoveredIcbsItem", ignore = true)
    @Mapping(target = "removePredecessorsItem", ignore = true)
    @interface ToApi {
    }

    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    @Mapping(target = "maxTermYears", source = "appointmentRules.maxTermYears")
    @Mapping(target = "maxConsecutiveTerms", source = "appointmentRules.maxConsecutiveTerms")
    @Mapping(target = "councilSeats", source = "appointmentRules.councilSeats")
    Senate toEntity(SenateCreate create);

    @Mapping(target = "slug", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    @Mapping(target = "maxTermYears", source = "appointmentRules.maxTermYears",
            nullValuePropertyMappingStrategy = NullValuePropertyMappingStrategy.IGNORE)
    @Mapping(target = "maxConsecutiveTerms", source = "appointmentRules.maxConsecutiveTerms",
            nullValuePropertyMappingStrategy = NullValuePropertyMappingStrategy.IGNORE)
    @Mapping(target = "councilSeats", source = "appointmentRules.councilSeats",
            nullValuePropertyMappingStrategy = NullValuePropertyMappingStrategy.IGNORE)
    void update(SenateUpdate update, @MappingTarget Senate senate);
}
