package org.clinicalsenate.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.clinicalsenate.testing.QueryPlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The declaration queries of the register and of conflict checks (DESIGN.md §6) read a few index
 * entries per member, not the table: the query shapes are the ones RegisterService and
 * ConflictCheckService send. The planner weighs indexes by statistics, so the table first gets a
 * realistic spread (a thousand members with ten declarations each, most of them published).
 */
@QuarkusTest
class RegisterAndConflictQueryPlanTest {

    private static final String MEMBERS = "('0b6f2c1e-6a0d-4c55-9d7e-3f1a2b3c4d5e', '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d')";

    private static boolean seeded;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void realisticVolume() throws SQLException {
        if (seeded) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO senate (slug, name, region, active_from, active_to) "
                    + "VALUES ('plan-volume', 'Senate plan-volume', 'Test', '2013-04-01', '2020-03-31')");
            // named to sort after everyone else in the name-ordered lists other tests read
            s.execute("INSERT INTO member (id, senate, name, profession, email) SELECT gen_random_uuid(), 'plan-volume', "
                    + "'Zz volume member ' || i, 'medicine', 'member' || i || '@plan.example' FROM generate_series(1, 1000) i");
            s.execute("INSERT INTO declaration (id, member_id, senate, category, description, counterparty_ods_code, "
                    + "counterparty_name, interest_start, declared_at, first_declared_at, declared_by, publication) "
                    + "SELECT gen_random_uuid(), m.id, m.senate, 'financial', 'Interest', 'R' || (100 + i * 37 % 400), "
                    + "'Trust', date '2020-01-01' + i, now(), now(), 'plan', "
                    + "CASE WHEN i % 5 = 0 THEN 'pending' ELSE 'published' END "
                    + "FROM member m CROSS JOIN generate_series(1, 10) i WHERE m.senate = 'plan-volume'");
            s.execute("ANALYZE member");
            s.execute("ANALYZE declaration");
        }
        seeded = true;
    }

    @Test
    void aConflictCheckLooksUpEachMembersInterestsInTheOrganisationsByIndex() {
        String plan = QueryPlans.preferringIndexes(dataSource, """
                SELECT * FROM declaration d
                WHERE d.member_id IN %s AND d.counterparty_ods_code IN ('RHM', 'R1F', 'QRL')
                ORDER BY d.interest_start, d.id
                """.formatted(MEMBERS));
        // both columns are index conditions: no row about another organisation is read
        assertThat(plan).as(plan).contains("Index Scan using declaration_by_member_counterparty on declaration")
                .containsPattern("Index Cond: \\(\\(member_id = ANY .*\\) AND \\(counterparty_ods_code = ANY ")
                .doesNotContain("Filter:");
    }

    @Test
    void theRegisterReadsTheDecisionMakersDeclarationsByIndex() {
        String plan = QueryPlans.preferringIndexes(dataSource, """
                SELECT * FROM declaration d
                WHERE d.member_id IN %s AND d.nil_return = false AND d.publication = 'published'
                  AND (d.interest_end IS NULL OR d.interest_end >= '2026-05-23')
                ORDER BY d.interest_start, d.declared_at, d.id
                """.formatted(MEMBERS));
        // publication and period are then checked on each decision-maker's few declarations only
        assertThat(plan).as(plan).containsPattern("Index Scan using declaration_by_member\\w* on declaration")
                .contains("Index Cond: (member_id = ANY");
    }
}
