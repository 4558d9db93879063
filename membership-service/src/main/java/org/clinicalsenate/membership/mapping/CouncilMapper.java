package org.clinicalsenate.membership.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

import org.clinicalsenate.api.membership.model.CouncilComposition;
import org.clinicalsenate.api.membership.model.CouncilSeat;
import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.membership.domain.Appointment;
import org.clinicalsenate.membership.domain.Council;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * The council composition view. A seat shows its appointment's last day of service as
 * {@code termEnd} (earlier than the term's end when the member resigned or was not renewed), so
 * that readers see when the seat falls vacant. No contact details.
 */
@Mapper(config = MappingDefaults.class, uses = OpenLists.class)
public interface CouncilMapper {

    default CouncilComposition toApi(Council council) {
        return new CouncilComposition()
                .senate(council.senate)
                .asOf(council.asOf)
                .seats(council.seats)
                .memberCount(council.memberCount())
                .vacancies(council.vacancies())
                .chairVacant(council.chairVacant())
                .patientPublicMembers(council.patientPublicMembers())
                .patientPublicMembersBelowMinimum(council.patientPublicMembersBelowMinimum())
                .byRole(byValue(council.byRole()))
                .byProfession(byValue(council.byProfession()))
                .members(council.members.stream().map(this::toSeat).toList())
                .termsEndingSoon(council.termsEndingSoon().stream().map(this::toSeat).toList());
    }

    @Mapping(target = "memberId", source = "member.id")
    @Mapping(target = "appointmentId", source = "id")
    @Mapping(target = "name", source = "member.name")
    @Mapping(target = "professionalTitle", source = "member.professionalTitle")
    @Mapping(target = "profession", source = "member.profession")
    @Mapping(target = "termEnd", expression = "java(appointment.lastDay())")
    CouncilSeat toSeat(Appointment appointment);

    /** Counts keyed by the contract's values (e.g. {@code patient-public-member}), in the enum's order. */
    private static <E extends Enum<E> & KebabCase> Map<String, Integer> byValue(Map<E, Integer> counts) {
        Map<String, Integer> byValue = new LinkedHashMap<>();
        counts.forEach((key, count) -> byValue.put(key.value(), count));
        return byValue;
    }
}
