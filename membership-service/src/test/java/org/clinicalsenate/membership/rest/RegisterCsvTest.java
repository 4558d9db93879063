package org.clinicalsenate.membership.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.clinicalsenate.api.membership.model.AppointmentRole;
import org.clinicalsenate.api.membership.model.Counterparty;
import org.clinicalsenate.api.membership.model.DecisionMaker;
import org.clinicalsenate.api.membership.model.InterestCategory;
import org.clinicalsenate.api.membership.model.ManagementAction;
import org.clinicalsenate.api.membership.model.ManagementActionKind;
import org.clinicalsenate.api.membership.model.Register;
import org.clinicalsenate.api.membership.model.RegisterEntry;
import org.junit.jupiter.api.Test;

class RegisterCsvTest {

    @Test
    void aRowPerDeclarationAndOnePerDecisionMakerWithoutAnyAfterAHeaderWithABomAndCrlfLineEnds() {
        RegisterEntry entry = new RegisterEntry(InterestCategory.FINANCIAL, "Paid advisory work, stroke pathway",
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 23))
                .counterparty(new Counterparty("RHM", "University Hospital Southampton NHS Foundation Trust"))
                .managementAction(new ManagementAction(ManagementActionKind.RESTRICT_PARTICIPATION)
                        .detail("Does not vote on items about RHM"));
        RegisterEntry ended = new RegisterEntry(InterestCategory.INDIRECT, "Spouse is a governor",
                LocalDate.of(2024, 4, 1), LocalDate.of(2025, 1, 2)).relationship("spouse")
                .interestEnd(LocalDate.of(2026, 8, 31));
        DecisionMaker chair = new DecisionMaker("Dr Amara Okafor", AppointmentRole.CHAIR, "medicine",
                "declared", List.of(entry, ended)).professionalTitle("Consultant Stroke Physician");
        DecisionMaker lay = new DecisionMaker("Peter Hughes", AppointmentRole.PATIENT_PUBLIC_MEMBER,
                "patient-public-voice", "none", List.of());
        Register register = new Register("south-east", "South East Clinical Senate", LocalDate.of(2026, 11, 23),
                List.of(chair, lay), List.of());

        byte[] csv = RegisterCsv.write(register);

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFF"
                + "Name,Title,Role,Profession,Return this round,Category,Description,Organisation ODS code,Organisation,"
                + "Relationship,Interest from,Interest to,Declared on,Action taken,Action detail\r\n"
                + "Dr Amara Okafor,Consultant Stroke Physician,chair,medicine,declared,financial,"
                + "\"Paid advisory work, stroke pathway\",RHM,University Hospital Southampton NHS Foundation Trust,,"
                + "2026-09-01,,2026-11-23,restrict-participation,Does not vote on items about RHM\r\n"
                + "Dr Amara Okafor,Consultant Stroke Physician,chair,medicine,declared,indirect,Spouse is a governor,,,"
                + "spouse,2024-04-01,2026-08-31,2025-01-02,,\r\n"
                + "Peter Hughes,,patient-public-member,patient-public-voice,none,,,,,,,,,,\r\n");
    }
}
