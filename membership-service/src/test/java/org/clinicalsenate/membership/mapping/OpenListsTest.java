package org.clinicalsenate.membership.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.clinicalsenate.membership.domain.AppointmentStatus;
import org.clinicalsenate.membership.domain.ConflictRules;
import org.clinicalsenate.membership.domain.Profession;
import org.clinicalsenate.membership.domain.Publication;
import org.clinicalsenate.membership.domain.PublishedRegister;
import org.clinicalsenate.membership.service.Rosters;
import org.clinicalsenate.testing.ContractEnums;
import org.junit.jupiter.api.Test;

/** What the service answers for each open list of its contract is exactly what the contract lists. */
class OpenListsTest {

    @Test
    void eachOpenListOfTheContractIsTheDomainsValueForValue() {
        assertThat(values(Profession.values(), OpenLists::profession)).isEqualTo(ContractEnums.values("Profession"));
        assertThat(values(AppointmentStatus.values(), OpenLists::appointmentStatus))
                .isEqualTo(ContractEnums.values("AppointmentStatus"));
        assertThat(values(AppointmentStatus.ENDINGS.toArray(AppointmentStatus[]::new), OpenLists::appointmentStatus))
                .isEqualTo(ContractEnums.values("AppointmentOutcome"));
        assertThat(values(Publication.values(), OpenLists::publication)).isEqualTo(ContractEnums.values("Publication"));
        assertThat(values(Rosters.Return.values(), OpenLists::roundReturn))
                .isEqualTo(ContractEnums.values("RoundReturnStatus"));
        assertThat(values(PublishedRegister.ReturnStatus.values(), OpenLists::registerReturn))
                .isEqualTo(ContractEnums.values("ReturnStatus"));
        assertThat(values(ConflictRules.Outcome.values(), OpenLists::conflictOutcome))
                .isEqualTo(ContractEnums.values("ConflictOutcome"));
        assertThat(values(ConflictRules.ReasonCode.values(), OpenLists::conflictReason))
                .isEqualTo(ContractEnums.values("ConflictReasonCode"));
    }

    private static <E> List<String> values(E[] constants, Function<E, String> value) {
        return Arrays.stream(constants).map(value).toList();
    }
}
