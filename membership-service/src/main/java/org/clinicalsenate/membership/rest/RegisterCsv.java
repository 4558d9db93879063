package org.clinicalsenate.membership.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.ws.rs.core.MediaType;

import org.clinicalsenate.api.membership.model.DecisionMaker;
import org.clinicalsenate.api.membership.model.Register;
import org.clinicalsenate.api.membership.model.RegisterEntry;
import org.clinicalsenate.commons.http.Csv;

/**
 * The register as a spreadsheet ({@link Csv}): one row per published declaration and one per
 * decision-maker without any.
 */
public final class RegisterCsv {

    public static final MediaType MEDIA_TYPE = Csv.MEDIA_TYPE;

    static final List<String> HEADER = List.of("Name", "Title", "Role", "Profession", "Return this round", "Category",
            "Description", "Organisation ODS code", "Organisation", "Relationship", "Interest from", "Interest to",
            "Declared on", "Action taken", "Action detail");

    private RegisterCsv() {
    }

    public static byte[] write(Register register) {
        List<List<String>> rows = new ArrayList<>();
        for (DecisionMaker decisionMaker : register.getDecisionMakers()) {
            List<String> person = List.of(text(decisionMaker.getName()), text(decisionMaker.getProfessionalTitle()),
                    text(decisionMaker.getRole()), text(decisionMaker.getProfession()),
                    text(decisionMaker.getReturnStatus()));
            if (decisionMaker.getDeclarations().isEmpty()) {
                rows.add(concat(person, new RegisterEntry()));
            }
            for (RegisterEntry entry : decisionMaker.getDeclarations()) {
                rows.add(concat(person, entry));
            }
        }
        return Csv.write(HEADER, rows);
    }

    private static List<String> concat(List<String> person, RegisterEntry entry) {
        List<String> row = new ArrayList<>(person);
        row.add(text(entry.getCategory()));
        row.add(text(entry.getDescription()));
        row.add(entry.getCounterparty() == null ? "" : text(entry.getCounterparty().getOdsCode()));
        row.add(entry.getCounterparty() == null ? "" : text(entry.getCounterparty().getName()));
        row.add(text(entry.getRelationship()));
        row.add(text(entry.getInterestStart()));
        row.add(text(entry.getInterestEnd()));
        row.add(text(entry.getDeclaredOn()));
        row.add(entry.getManagementAction() == null ? "" : text(entry.getManagementAction().getAction()));
        row.add(entry.getManagementAction() == null ? "" : text(entry.getManagementAction().getDetail()));
        return row;
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
