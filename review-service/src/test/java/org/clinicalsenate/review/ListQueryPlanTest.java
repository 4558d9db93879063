package org.clinicalsenate.review;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every access path of the advice request list (everything; one senate; one organisation; one
 * status) reads a page newest first straight from an index range, without sorting or filtering rows:
 * the query shape is the one AdviceRequestService sends.
 */
@QuarkusTest
class ListQueryPlanTest {

    private static final String PAGE = """
            SELECT * FROM advice_request r WHERE %s (r.submitted_at, r.id) < ('2026-01-01T00:00:00Z', '00000000-0000-4000-8000-000000000000')
            ORDER BY r.submitted_at DESC, r.id DESC LIMIT 21
            """;

    @Inject
    TestDatabase db;

    @Test
    void eachListPathIsAnOrderedIndexRange() {
        assertOrderedIndexScan("", "advice_request_newest");
        assertOrderedIndexScan("r.senate IN ('london') AND", "advice_request_by_senate");
        assertOrderedIndexScan("r.requesting_organisation IN ('QRL') AND", "advice_request_by_organisation");
        assertOrderedIndexScan("r.status = 'received' AND", "advice_request_by_status");
    }

    private void assertOrderedIndexScan(String filter, String index) {
        String plan = db.planPreferringIndexes(PAGE.formatted(filter));
        assertThat(plan).as(plan).contains("Index Scan using " + index)
                .doesNotContain("Sort").doesNotContain("Filter:");
    }
}
