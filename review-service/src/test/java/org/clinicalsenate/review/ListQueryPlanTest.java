package org.clinicalsenate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.review.AdviceRequests.body;
import static org.clinicalsenate.review.AdviceRequests.freshOrganisation;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.review.AdviceRequests.submit;
import static org.clinicalsenate.testing.Api.as;

import jakarta.inject.Inject;

import org.clinicalsenate.testing.CapturedSql;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every access path of the advice request list (everything; one senate; one organisation; one
 * status) reads a page newest first straight from an index range, without sorting or filtering
 * rows: the queries are the ones the service really sends, captured while the API is called.
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
        assertOrderedIndexScan(secondPage("", Tokens.requester(organisation)), "advice_request_by_organisation");
        assertOrderedIndexScan(secondPage("status=received", Tokens.platformAdmin()), "advice_request_by_status");
    }

    /** The query of the list's second page (the keyset condition included), as the service sends it. */
    private String secondPage(String filter, String token) {
        String path = "/advice-requests?limit=1" + (filter.isEmpty() ? "" : "&" + filter);
        String cursor = as(token).get(path).then().statusCode(200).extract().path("nextCursor");
        assertThat(cursor).as("a second page of " + path).isNotNull();
        return sql.thePageQueryOf("advice_request",
                () -> as(token).queryParam("cursor", cursor).get(path).then().statusCode(200));
    }

    private void assertOrderedIndexScan(String query, String index) {
        String plan = db.planPreferringIndexes(query);
        assertThat(plan).as(query + "\n" + plan).contains("Index Scan using " + index)
                .doesNotContain("Sort").doesNotContain("Filter:");
    }
}
