package org.clinicalsenate.membership;

import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.clinicalsenate.commons.time.Clocks;
import org.clinicalsenate.testing.Sql;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The rendered register is kept: a change made through the API (so audited) shows at once; one
 * written past it, as another replica's is seen from here, shows once the kept rendering expires.
 */
@QuarkusTest
@TestProfile(RegisterCacheTest.CacheOn.class)
class RegisterCacheTest {

    public static class CacheOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the %test value in application.properties turns the cache off for the other tests
            return Map.of("%test.senate.register.cache-ttl", "2S");
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    MembershipFixtures fixtures;

    @Test
    void aChangeThroughTheApiShowsAtOnceAndOneFromElsewhereOnceTheRenderingExpires() throws InterruptedException {
        String senate = fixtures.senate("cached-register");
        LocalDate today = LocalDate.now(Clocks.ENGLAND);
        UUID chair = fixtures.member(senate, "Dr Ada Cole", "medicine", "RHM");
        fixtures.appointment(chair, senate, "council", "chair", today.minusYears(1), today.plusYears(1));
        UUID interest = fixtures.declaration(chair, senate, null, "financial", "RHM", today.minusMonths(1), null, "pending");
        String register = "/senates/" + senate + "/register";
        anonymous().get(register).then().statusCode(200)
                .body("decisionMakers.name", contains("Dr Ada Cole"))
                .body("decisionMakers[0].declarations", empty());
        anonymous().accept("text/csv").get(register).then().statusCode(200);

        // written past the API: this replica still serves what it rendered, as JSON and as CSV
        Sql.update(dataSource, "UPDATE member SET name = 'Dr Ada Cole-Smith' WHERE id = ?", chair);
        anonymous().get(register).then().body("decisionMakers.name", contains("Dr Ada Cole"));
        anonymous().accept("text/csv").get(register).then().body(org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.containsString("Cole-Smith")));

        // a review through the API publishes the interest at once (and the register is rendered afresh)
        String admin = Tokens.senateAdmin(senate);
        String etag = as(admin).get("/declarations/" + interest).then().statusCode(200).extract().header("ETag");
        as(admin).header("If-Match", etag)
                .body(Map.of("managementAction", Map.of("action", "none-required"), "publication", "published"))
                .put("/declarations/" + interest + "/review").then().statusCode(200);
        anonymous().get(register).then()
                .body("decisionMakers.name", contains("Dr Ada Cole-Smith"))
                .body("decisionMakers[0].declarations.counterparty.odsCode", contains("RHM"));

        // another change from elsewhere shows once the rendering expires
        Sql.update(dataSource, "UPDATE member SET name = 'Dr Ada Smith' WHERE id = ?", chair);
        anonymous().get(register).then().body("decisionMakers[0].name", equalTo("Dr Ada Cole-Smith"));
        Thread.sleep(2_100);
        anonymous().get(register).then().body("decisionMakers[0].name", equalTo("Dr Ada Smith"));
    }
}
