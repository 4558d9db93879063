package org.clinicalsenate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.review.AdviceRequests.body;
import static org.clinicalsenate.review.AdviceRequests.freshOrganisation;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.review.AdviceRequests.submit;
import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.clinicalsenate.testing.CapturedSql;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every access path of the advice request list (everything; one senate; one organisation, and
 * those it sponsors; one status) reads a page newest first straight from an index range, without
 * sorting or filtering rows: the queries are the ones the service really sends, captured while the API is called.
 */
@QuarkusTest
class ListQueryPlanTest {

    @Inject
    TestDatabase db;

    @Inject
    CapturedSql sql;

    @Test
    void eachListPathIsAnOrderedIndexRange() {
        String senate = freshSenate();
        String organisation = freshOrganisation();
        for (int i = 0; i < 2; i++) {
            submit(Tokens.platformAdmin(), body(senate, organisation));
        }
        assertOrderedIndexScan(secondPage("", Tokens.platformAdmin()), "advice_request_newest");
        assertOrderedIndexScan(secondPage("senate=" + senate, Tokens.platformAdmin()), "advice_request_by_senate");
        assertOrderedIndexScan(secondPage("", Tokens.senateAdmin(senate)), "advice_request_by_senate");
        // a requester's requests and those it sponsors: two ranges, merged
        submit(Tokens.platformAdmin(), sponsoredBy(senate, organisation));
        List<String> requester = secondPages("", Tokens.requester(organisation));
        assertThat(requester).hasSize(2);
        assertOrderedIndexScan(requester.get(0), "advice_request_by_organisation");
        assertOrderedIndexScan(requester.get(1), "advice_request_by_sponsor");
        assertOrderedIndexScan(secondPage("status=received", Tokens.platformAdmin()), "advice_request_by_status");

        // the progress of reviews (assurance): the requests' ranges, each count by an index
        for (String[] path : new String[][] { { "", Tokens.assuranceViewer(), "advice_request_newest" },
                { "", Tokens.senateAdmin(senate), "advice_request_by_senate" } }) {
            String cursor = as(path[1]).get("/review-progress?limit=1").then().statusCode(200).extract().path("nextCursor");
            String progress = sql.thePageQueryOf("review_progress", () -> as(path[1]).queryParam("cursor", cursor)
                    .get("/review-progress?limit=1").then().statusCode(200));
            String plan = db.planPreferringIndexes(progress);
            assertThat(plan).as(progress + "\n" + plan).contains("Index Scan using " + path[2] + " on advice_request")
                    .doesNotContain("Sort").doesNotContain("Seq Scan");
        }

        // a member's reviews: the few panels they sit on, found through the panels' index by member
        UUID member = MembershipStub.memberOf("london");
        for (int i = 0; i < 2; i++) {
            String id = AdviceRequests.acceptedTrustRequest(senate);
            as(Tokens.senateAdmin(senate)).body(Map.of("memberId", member.toString(), "role", "member"))
                    .post("/advice-requests/" + id + "/panel/members").then().statusCode(201);
        }
        String reviews = secondPage("", Tokens.member(member.toString()));
        String plan = db.planPreferringIndexes(reviews);
        assertThat(plan).as(reviews + "\n" + plan).contains("panel_member_by_member").doesNotContain("Seq Scan");
    }

    @Test
    void thePublicLogReadsAnIndexRangeNewestFirstAndSearchesThroughTheTextIndexes() {
        String senate = freshSenate();
        for (int i = 0; i < 2; i++) {
            AdviceRequests.acceptedTrustRequest(senate);
        }
        String path = "/public/advice-log?limit=1&senate=" + senate;
        String cursor = anonymous().get(path).then().statusCode(200).extract()
                .path("nextCursor");
        String page = sql.thePageQueryOf("public_advice_log", () -> anonymous()
                .queryParam("cursor", cursor).get(path).then().statusCode(200));
        String plan = db.planPreferringIndexes(page);
        assertThat(plan).as(page + "\n" + plan)
                .contains("Index Scan using advice_request_public_by_senate on advice_request")
                .doesNotContain("Sort").doesNotContain("Seq Scan");

        String search = sql.thePageQueryOf("public_advice_log", () -> anonymous()
                .get("/public/advice-log?q=stroke").then().statusCode(200));
        String searchPlan = db.planPreferringTextIndexes(search);
        assertThat(searchPlan).as(search + "\n" + searchPlan).contains("advice_request_search")
                .contains("report_published_search").doesNotContain("Seq Scan");
    }

    /** The query of the list's second page (the keyset condition included), as the service sends it. */
    private String secondPage(String filter, String token) {
        List<String> queries = secondPages(filter, token);
        assertThat(queries).as("the page queries of " + filter).hasSize(1);
        return queries.get(0);
    }

    /** The queries of the list's second page, one per range the caller's scopes read. */
    private List<String> secondPages(String filter, String token) {
        String path = "/advice-requests?limit=1" + (filter.isEmpty() ? "" : "&" + filter);
        String cursor = as(token).get(path).then().statusCode(200).extract().path("nextCursor");
        assertThat(cursor).as("a second page of " + path).isNotNull();
        return sql.thePageQueriesOf("advice_request",
                () -> as(token).queryParam("cursor", cursor).get(path).then().statusCode(200));
    }

    /** A trust's request, sponsored by {@code sponsor}. */
    private static Map<String, Object> sponsoredBy(String senate, String sponsor) {
        Map<String, Object> request = body(senate, "RHM");
        request.put("requestingOrganisationType", "provider-trust");
        request.put("sponsor", sponsor);
        return request;
    }

    private void assertOrderedIndexScan(String query, String index) {
        String plan = db.planPreferringIndexes(query);
        assertThat(plan).as(query + "\n" + plan).contains("Index Scan using " + index)
                .doesNotContain("Sort").doesNotContain("Filter:");
    }
}
