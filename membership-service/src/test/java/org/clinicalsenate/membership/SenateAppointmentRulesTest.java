package org.clinicalsenate.membership;

import static org.clinicalsenate.membership.MembershipRequests.senate;
import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;
import static org.clinicalsenate.testing.Api.invalid;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SenateAppointmentRulesTest {

    private static Map<String, Object> details(String slug) {
        return new HashMap<>(Map.of("name", "Test senate " + slug, "region", "Test", "coveredIcbs", List.of("QRL"),
                "activeFrom", "2020-04-01"));
    }

    @Test
    void aPlatformAdminChangesTheRulesAndLeavingThemOutKeepsThem() {
        String slug = senate("rules", null);
        String etag = anonymous().get("/senates/" + slug).then().statusCode(200)
                .body("appointmentRules", equalTo(Map.of("maxTermYears", 3, "maxConsecutiveTerms", 2, "councilSeats", 20)))
                .extract().header("ETag");

        Map<String, Object> withRules = details(slug);
        withRules.put("appointmentRules", Map.of("maxTermYears", 4, "maxConsecutiveTerms", 3, "councilSeats", 12));
        etag = as(Tokens.platformAdmin()).header("If-Match", etag).body(withRules).put("/senates/" + slug).then()
                .statusCode(200)
                .body("appointmentRules", equalTo(Map.of("maxTermYears", 4, "maxConsecutiveTerms", 3, "councilSeats", 12)))
                .extract().header("ETag");
        as(Tokens.platformAdmin()).queryParam("entityType", "senate").queryParam("entityId", slug).get("/audit-entries")
                .then().body("items[0].changes", equalTo(Map.of("maxTermYears", 4, "maxConsecutiveTerms", 3, "councilSeats", 12)));

        Map<String, Object> withoutRules = details(slug);
        withoutRules.put("region", "Test region");
        as(Tokens.platformAdmin()).header("If-Match", etag).body(withoutRules).put("/senates/" + slug).then()
                .statusCode(200)
                .body("region", equalTo("Test region"))
                .body("appointmentRules", equalTo(Map.of("maxTermYears", 4, "maxConsecutiveTerms", 3, "councilSeats", 12)));
        anonymous().get("/senates/" + slug).then()
                .body("appointmentRules", equalTo(Map.of("maxTermYears", 4, "maxConsecutiveTerms", 3, "councilSeats", 12)));
    }

    @Test
    void aSenatesOwnAdminCorrectsItsDetailsButItsGovernanceIsPlatformAdminOnly() {
        String slug = senate("governance", null);
        String admin = Tokens.senateAdmin(slug);
        String etag = anonymous().get("/senates/" + slug).then().extract().header("ETag");

        Map<String, Object> corrected = details(slug);
        corrected.put("name", "Governance Clinical Senate");
        corrected.put("region", "South East");
        corrected.put("coveredIcbs", List.of("QRL", "QU9"));
        etag = as(admin).header("If-Match", etag).body(corrected).put("/senates/" + slug).then().statusCode(200)
                .body("name", equalTo("Governance Clinical Senate")).extract().header("ETag");

        for (Map.Entry<String, Object> change : List.<Map.Entry<String, Object>>of(
                Map.entry("appointmentRules", Map.of("maxTermYears", 4, "maxConsecutiveTerms", 2, "councilSeats", 20)),
                Map.entry("activeFrom", "2019-04-01"), Map.entry("activeTo", "2030-03-31"),
                Map.entry("predecessors", List.of("wessex")))) {
            Map<String, Object> governance = new HashMap<>(corrected);
            governance.put(change.getKey(), change.getValue());
            as(admin).header("If-Match", etag).body(governance).put("/senates/" + slug).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.startsWith("Only a platform-admin may change a senate's governance: "
                            + change.getKey()));
        }
        // nothing of it was stored
        anonymous().get("/senates/" + slug).then().header("ETag", equalTo(etag))
                .body("activeFrom", equalTo("2020-04-01")).body("predecessors", org.hamcrest.Matchers.empty())
                .body("appointmentRules.maxTermYears", equalTo(3));

        // a chair does not update the senate at all; a platform-admin changes its governance
        as(Tokens.senateChair(slug)).header("If-Match", etag).body(corrected).put("/senates/" + slug).then()
                .statusCode(403);
        Map<String, Object> governance = new HashMap<>(corrected);
        governance.put("activeTo", "2030-03-31");
        as(Tokens.platformAdmin()).header("If-Match", etag).body(governance).put("/senates/" + slug).then()
                .statusCode(200).body("activeTo", equalTo("2030-03-31"));
    }

    @Test
    void rulesOutsideTheirBoundsAreRefusedNamingTheField() {
        String slug = senate("rules", null);
        String etag = anonymous().get("/senates/" + slug).then().extract().header("ETag");
        Map<String, Object> body = details(slug);
        body.put("appointmentRules", Map.of("maxTermYears", 11, "maxConsecutiveTerms", 2, "councilSeats", 20));
        invalid(as(Tokens.platformAdmin())).header("If-Match", etag).body(body).put("/senates/" + slug).then()
                .statusCode(400)
                .body("errors[0].field", equalTo("appointmentRules.maxTermYears"));
        anonymous().get("/senates/" + slug).then().header("ETag", equalTo(etag))
                .body("appointmentRules.maxTermYears", equalTo(3));
    }
}
