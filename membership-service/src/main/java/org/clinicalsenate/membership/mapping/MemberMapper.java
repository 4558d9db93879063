package org.clinicalsenate.membership.mapping;

import org.clinicalsenate.api.membership.model.Employer;
import org.clinicalsenate.api.membership.model.MemberCreate;
import org.clinicalsenate.api.membership.model.MemberUpdate;
import org.clinicalsenate.api.membership.model.Registration;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.commons.mapping.OpenEnums;
import org.clinicalsenate.membership.domain.Member;
import org.clinicalsenate.membership.domain.MemberAccess;
import org.clinicalsenate.membership.domain.MemberSummary;
import org.clinicalsenate.membership.domain.Profession;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.Named;

/**
 * Members to and from the contract. The registration and employer map field by field
 * ({@code ProfessionalRegistration} / {@code Registration}, {@code EmployerOrganisation} /
 * {@code Employer}); the email is added only for those {@link MemberAccess} lets see it.
 */
@Mapper(config = MappingDefaults.class, uses = OpenLists.class)
public interface MemberMapper {

    default org.clinicalsenate.api.membership.model.Member toApi(Member member, MemberAccess access) {
        org.clinicalsenate.api.membership.model.Member api = withoutContactDetails(member);
        if (access.seesContactDetails(member)) {
            api.setEmail(member.email);
        }
        return api;
    }

    @Mapping(target = "email", ignore = true)
    org.clinicalsenate.api.membership.model.Member withoutContactDetails(Member member);

    default org.clinicalsenate.api.membership.model.Member toApi(MemberSummary member, MemberAccess access) {
        org.clinicalsenate.api.membership.model.Member api = withoutContactDetails(member);
        if (access.seesContactDetails(member.id(), member.senate())) {
            api.setEmail(member.email());
        }
        return api;
    }

    @Mapping(target = "email", ignore = true)
    @Mapping(target = "registration", source = ".", qualifiedByName = "registration")
    @Mapping(target = "employer", source = ".", qualifiedByName = "employer")
    org.clinicalsenate.api.membership.model.Member withoutContactDetails(MemberSummary member);

    @Named("registration")
    default Registration registration(MemberSummary member) {
        return member.registrationBody() == null && member.registrationNumber() == null ? null
                : new Registration(member.registrationBody(), member.registrationNumber());
    }

    @Named("employer")
    default Employer employer(MemberSummary member) {
        return member.employerOdsCode() == null ? null
                : new Employer(member.employerOdsCode(), member.employerName()).icb(member.employerIcb());
    }

    @Mapping(target = "id", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    Member toEntity(MemberCreate create);

    /** A PUT replaces the whole profile: fields left out are cleared. The senate never changes. */
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "senate", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    void update(MemberUpdate update, @MappingTarget Member member);

    /** A profession in a request or filter (an open list in the contract): 400 unless the domain knows it. */
    default Profession profession(String profession) {
        return OpenEnums.parse(Profession.class, "profession", profession);
    }
}
