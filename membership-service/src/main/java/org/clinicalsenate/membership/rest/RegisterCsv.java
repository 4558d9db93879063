package org.clinicalsenate.membership.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.ws.rs.core.MediaType;

import org.clinicalsenate.api.membership.model.DecisionMaker;
import org.clinicalsenate.api.membership.model.Register;
import org.clinicalsenate.api.membership.model.RegisterEntry;

/**
 * The register as a spreadsheet that Excel opens as is: RFC 4180 CSV in UTF-8 with a byte order
 * mark (without it Excel reads UTF-8 as the local code page), CRLF line ends, one row per published
 * declaration and one per decision-maker without any.
 */
public final class RegisterCsv {

    public static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8.name());

    static final List<String> HEADER = List.of("Name", "Title", "Role", "Profession", "Return this round", "Category",
            "Description", "Organisation ODS code", "Organisation", "Relationship", "Interest from", "Interest to",
            "Declared on", "Action taken", "Action detail");

    private static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";

    private RegisterCsv() {
    }

    public static byte[] write(Register register) {
        StringBuilder csv = new StringBuilder(BOM);
        appendRow(csv, HEADER);
        for (DecisionMaker decisionMaker : register.getDecisionMakers()) {
            List<String> person = List.of(text(decisionMaker.getName()), text(decisionMaker.getProfessionalTitle()),
                    text(decisionMaker.getRole()), text(decisionMaker.getProfession()),
                    text(decisionMaker.getReturnStatus()));
            if (decisionMaker.getDeclarations().isEmpty()) {
                appendRow(csv, concat(person, new RegisterEntry()));
            }
            for (RegisterEntry entry : decisionMaker.getDeclarations()) {
                appendRow(csv, concat(person, entry));
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
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

    private static void appendRow(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        csv.append(CRLF);
    }

    /**
     * One field: neutralised against formula injection (a spreadsheet runs a cell starting with
     * {@code = + - @}, tab or CR as a formula, so such a cell gets a leading apostrophe), then quoted
     * when it holds a comma, a quote or a line break, with its quotes doubled.
     */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\r") || safe.contains("\n")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
