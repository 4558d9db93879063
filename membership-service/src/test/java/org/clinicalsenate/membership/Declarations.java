package org.clinicalsenate.membership;

import static org.clinicalsenate.testing.Api.as;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Bodies and calls the declaration tests share. */
final class Declarations {

    private Declarations() {
    }

    /** A financial interest in an organisation, started on {@code start}. */
    static Map<String, Object> financialInterest(String odsCode, LocalDate start) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", "financial");
        body.put("description", "Paid advisory work for " + odsCode);
        body.put("counterparty", Map.of("odsCode", odsCode, "name", "Organisation " + odsCode));
        body.put("interestStart", start.toString());
        return body;
    }

    static Map<String, Object> nilReturn() {
        return Map.of("nilReturn", true);
    }

    /** Declares and returns the new declaration's id. */
    static String declare(String token, UUID member, Map<String, Object> body) {
        return as(token).body(body).post("/members/" + member + "/declarations").then().statusCode(201)
                .extract().path("id");
    }

    static String etag(String token, String declarationId) {
        return as(token).get("/declarations/" + declarationId).then().statusCode(200).extract().header("ETag");
    }
}
