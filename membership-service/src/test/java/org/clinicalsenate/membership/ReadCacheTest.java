package org.clinicalsenate.membership;

import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.clinicalsenate.commons.time.Clocks;
import org.clinicalsenate.testing.ReadCacheOn;
import org.clinicalsenate.testing.Sql;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The hot reads are kept (ReadCache): a change made through the API (so audited) shows at once; one
 * written past it, as another replica's is seen from here, shows once the kept rendering expires; and
 * nobody is served what was rendered for a caller who may see more.
 */
@QuarkusTest
@TestProfile(ReadCacheOn.class)
class ReadCacheTest {

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
        Thread.sleep(ReadCacheOn.TTL_MILLIS + 100);
        anonymous().get(register).then().body("decisionMakers[0].name", equalTo("Dr Ada Smith"));
    }

    @Test
    void aListShowsAChangeThroughTheApiAtOnceAndOneFromElsewhereOnceItExpires() throws InterruptedException {
        String senate = MembershipRequests.senate("cached-list", null);
        String admin = Tokens.senateAdmin(senate);
        String list = "/members?senate=" + senate;
        String ada = MembershipRequests.member(senate, "Dr Ada Cole", "medicine", "RHM");
        as(admin).get(list).then().statusCode(200).body("items.name", contains("Dr Ada Cole"));

        // written past the API: this replica still serves what it rendered
        Sql.update(dataSource, "UPDATE member SET name = 'Dr Ada Cole-Smith' WHERE id = ?", UUID.fromString(ada));
        as(admin).get(list).then().body("items.name", contains("Dr Ada Cole"));

        // a change through the API shows at once, with what was written past it
        MembershipRequests.member(senate, "Mr Ben Ahmed", "nursing", null);
        as(admin).get(list).then().body("items.name", contains("Dr Ada Cole-Smith", "Mr Ben Ahmed"));

        // the list of senates, which spans senates, shows a change from elsewhere once it expires
        anonymous().get("/senates?active=true&limit=100").then().statusCode(200).body("items.slug", hasItem(senate));
        Sql.update(dataSource, "UPDATE senate SET active_to = DATE '2020-04-02' WHERE slug = ?", senate);
        anonymous().get("/senates?active=true&limit=100").then().body("items.slug", hasItem(senate));
        Thread.sleep(ReadCacheOn.TTL_MILLIS + 100);
        anonymous().get("/senates?active=true&limit=100").then().body("items.slug", not(hasItem(senate)));
    }

    @Test
    void aKeptListIsNeverServedToACallerWhoMaySeeLess() {
        String senate = MembershipRequests.senate("cached-view", null);
        MembershipRequests.member(senate, "Dr Ada Cole", "medicine", "RHM");
        String list = "/members?senate=" + senate;
        as(Tokens.platformAdmin()).get(list).then().statusCode(200).body("items[0].email", notNullValue());

        // the same request from a service account, which reads members without contact details
        as(Tokens.service("review-service")).get(list).then().statusCode(200)
                .body("items.name", contains("Dr Ada Cole")).body("items[0].email", nullValue());
        // and from the admin of another senate, who may not read this one at all
        as(Tokens.senateAdmin("london")).get(list).then().statusCode(403);
        as(Tokens.senateAdmin(senate)).get(list).then().statusCode(200).body("items[0].email", notNullValue());
    }
}
