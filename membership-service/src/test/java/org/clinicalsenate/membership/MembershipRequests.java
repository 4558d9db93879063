package org.clinicalsenate.membership;

import static org.clinicalsenate.testing.Api.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinicalsenate.testing.Tokens;

/**
 * Records made through the API (so through the contract, the rules and the audit log) for the
 * tests of members, appointments and the council. Tests share one database: each call makes fresh
 * records (a new senate has a slug of its own).
 */
final class MembershipRequests {

    private MembershipRequests() {
    }

    /** A new senate (platform-admin), with the default appointment rules unless given. */
    static String senate(String prefix, Map<String, Object> appointmentRules) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>(Map.of("slug", slug, "name", "Test senate " + slug, "region", "Test",
                "coveredIcbs", List.of("QRL"), "activeFrom", "2020-04-01"));
        if (appointmentRules != null) {
            body.put("appointmentRules", appointmentRules);
        }
        as(Tokens.platformAdmin()).body(body).post("/senates").then().statusCode(201);
        return slug;
    }

    /** A profile as createMember takes it. */
    static Map<String, Object> profile(String senate, String name, String profession, String employerOdsCode) {
        Map<String, Object> body = new HashMap<>(Map.of("senate", senate, "name", name, "profession", profession,
                "email", name.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "@nhs.example"));
        if (employerOdsCode != null) {
            body.put("employer", Map.of("odsCode", employerOdsCode, "name", "Employer " + employerOdsCode, "icb", "QRL"));
        }
        return body;
    }

    /** A new member of the senate, created by the senate's admin; returns the id. */
    static String member(String senate, String name, String profession, String employerOdsCode) {
        return as(Tokens.senateAdmin(senate)).body(profile(senate, name, profession, employerOdsCode))
                .post("/members").then().statusCode(201).extract().path("id");
    }

    /** Nominates the member (platform-admin, who may appoint any role); returns the appointment id. */
    static String nominate(String memberId, String body, String role, String termStart, String termEnd) {
        return as(Tokens.platformAdmin()).body(Map.of("body", body, "role", role, "termStart", termStart,
                "termEnd", termEnd)).post("/members/" + memberId + "/appointments").then().statusCode(201)
                .extract().path("id");
    }

    /** Nominates and approves (platform-admin); returns the appointment id. */
    static String appoint(String memberId, String body, String role, String termStart, String termEnd) {
        String id = nominate(memberId, body, role, termStart, termEnd);
        as(Tokens.platformAdmin()).post("/appointments/" + id + "/approval").then().statusCode(200);
        return id;
    }
}
