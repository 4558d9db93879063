package org.clinicalsenate.membership;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.clinicalsenate.testing.QueryPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Each keyset-paginated list of declarations, rounds and meeting declarations reads its page in
 * order straight from an index range, without sorting: the query shapes the services send.
 */
@QuarkusTest
class DeclarationQueryPlanTest {

    private static final String AN_ID = "'00000000-0000-4000-8000-000000000000'";
    private static final String A_TIME = "'2026-01-01T00:00:00Z'";

    @Inject
    DataSource dataSource;

    private String plan(String sql) {
        return QueryPlans.preferringIndexes(dataSource, sql);
    }

    private void assertOrderedIndexScan(String sql, String index) {
        String plan = plan(sql);
        assertThat(plan).as(plan).containsPattern("Index (Only )?Scan (Backward )?using " + index + " ")
                .doesNotContain("Sort");
    }

    @Test
    void aMembersDeclarationsMostRecentFirst() {
        assertOrderedIndexScan("SELECT * FROM declaration d WHERE d.member_id = " + AN_ID
                + " AND (d.declared_at, d.id) < (" + A_TIME + ", " + AN_ID + ") ORDER BY d.declared_at DESC, d.id DESC LIMIT 21",
                "declaration_by_member");
    }

    @Test
    void aSenatesRoundsLatestYearFirst() {
        assertOrderedIndexScan("SELECT * FROM declaration_round r WHERE r.senate = 'london' AND r.year < 2026 "
                + "ORDER BY r.year DESC LIMIT 21", "declaration_round_senate_year_key");
    }

    @Test
    void meetingDeclarationsInTheOrderRecordedPerMeetingAndPerMember() {
        assertOrderedIndexScan("SELECT * FROM meeting_declaration d WHERE d.meeting_ref = 'se-council' AND d.senate IN ('london') "
                + "AND (d.recorded_at, d.id) > (" + A_TIME + ", " + AN_ID + ") ORDER BY d.recorded_at, d.id LIMIT 21",
                "meeting_declaration_by_meeting");
        assertOrderedIndexScan("SELECT * FROM meeting_declaration d WHERE d.member_id = " + AN_ID
                + " AND (d.recorded_at, d.id) > (" + A_TIME + ", " + AN_ID + ") ORDER BY d.recorded_at, d.id LIMIT 21",
                "meeting_declaration_by_member");
    }

    @Test
    void aRoundsReturnsAndRemindersAreIndexLookups() {
        assertOrderedIndexScan("SELECT round_id, member_id, count(*) FROM declaration WHERE round_id IN (" + AN_ID + ") "
                + "GROUP BY round_id, member_id", "declaration_by_round");
        assertThat(plan("SELECT 1 FROM declaration_reminder WHERE round_id = " + AN_ID + " AND member_id = " + AN_ID
                + " AND kind = 'due-soon' AND offset_days = 7")).contains("declaration_reminder_pkey");
    }
}
