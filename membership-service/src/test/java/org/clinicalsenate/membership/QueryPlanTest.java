package org.clinicalsenate.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.clinicalsenate.commons.time.Clocks;
import org.clinicalsenate.testing.CapturedSql;
import org.clinicalsenate.testing.QueryPlans;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The service's hot queries, as it really sends them (captured from Hibernate while the API is
 * called), read an index range: each list a page in order without sorting, the register and the
 * conflict check a few index entries per member. The planner weighs indexes by statistics, so the
 * tables first get a realistic spread (a thousand members with ten declarations each).
 */
@QuarkusTest
class QueryPlanTest {

    private static final String SENATE = "plan-volume";
    private static boolean seeded;
    private static List<UUID> members;

    @Inject
    DataSource dataSource;

    @Inject
    CapturedSql sql;

    @Inject
    MembershipFixtures fixtures;

    @BeforeEach
    void realisticVolume() throws SQLException {
        if (seeded) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO senate (slug, name, region, active_from, active_to) "
                    + "VALUES ('" + SENATE + "', 'Senate plan-volume', 'Test', '2013-04-01', '2020-03-31')");
            // named to sort after everyone else in the name-ordered lists other tests read
            s.execute("INSERT INTO member (id, senate, name, profession, email, employer_ods_code, employer_name) "
                    + "SELECT gen_random_uuid(), '" + SENATE + "', 'Zz volume member ' || i, 'medicine', "
                    + "'member' || i || '@plan.example', 'R' || (100 + i % 300), 'Trust' FROM generate_series(1, 1000) i");
            s.execute("INSERT INTO declaration (id, member_id, senate, category, description, counterparty_ods_code, "
                    + "counterparty_name, interest_start, declared_at, first_declared_at, declared_by, publication, "
                    + "published_version_no) SELECT gen_random_uuid(), m.id, m.senate, 'financial', 'Interest', "
                    + "'R' || (100 + i * 37 % 400), 'Trust', date '2020-01-01' + i, now(), now(), 'plan', "
                    + "CASE WHEN i % 5 = 0 THEN 'pending' ELSE 'published' END, CASE WHEN i % 5 = 0 THEN NULL ELSE 1 END "
                    + "FROM member m CROSS JOIN generate_series(1, 10) i WHERE m.senate = '" + SENATE + "'");
            s.execute("INSERT INTO declaration_version (declaration_id, version_no, nil_return, category, description, "
                    + "counterparty_ods_code, counterparty_name, interest_start, declared_at, declared_by, on_behalf, late) "
                    + "SELECT id, 1, false, category, description, counterparty_ods_code, counterparty_name, "
                    + "interest_start, declared_at, declared_by, false, false FROM declaration WHERE senate = '" + SENATE + "'");
            s.execute("ANALYZE member");
            s.execute("ANALYZE declaration");
            s.execute("ANALYZE declaration_version");
        }
        members = fixtures.rows("SELECT id FROM member WHERE senate = ? ORDER BY name LIMIT 20", SENATE).stream()
                .map(row -> (UUID) row.get("id")).toList();
        LocalDate today = LocalDate.now(Clocks.ENGLAND);
        members.forEach(m -> fixtures.appointment(m, SENATE, "council", "member", today.minusYears(1),
                today.plusYears(1)));
        seeded = true;
    }

    @Test
    void aTwentyMemberConflictCheckIsOneStatementReadingEachMembersInterestsInTheOrganisationsByIndex() {
        Map<String, Object> check = Map.of("memberIds", members.stream().map(UUID::toString).toList(),
                "organisations", List.of("R137", "R174", "R211"), "area", List.of("QRL"));
        List<String> sent = sql.during(() -> as(Tokens.service("review-service")).body(check)
                .post("/conflict-checks").then().statusCode(200));
        assertThat(sent).as("the statements of one check").hasSize(1);
        String plan = plan(sent.get(0));
        // the members by primary key; per member, only the interests naming the organisations (both
        // columns are index conditions), the senate's latest round and whether a return was made in it
        assertThat(plan).as(plan).contains("Index Scan using member_pkey")
                .containsPattern("Index Scan using declaration_by_member_counterparty on declaration")
                .containsPattern("Index Cond: \\(\\(member_id = ANY .*\\) AND \\(counterparty_ods_code = ANY ")
                .containsPattern("Index Scan Backward using \\w+ on declaration_round")
                .containsPattern("Index Only Scan using declaration_by_round on declaration")
                .doesNotContainPattern("(?m)^\\s*(->\\s*)?Filter:"); // no table row read and then dropped
    }

    @Test
    void theRegisterReadsTheDecisionMakersPublishedVersionsByIndex() {
        String query = sql.theQueryOf("declaration_version", () -> anonymous().get("/senates/" + SENATE + "/register")
                .then().statusCode(200));
        assertThat(plan(query)).contains("declaration_published_by_member").contains("declaration_version_pkey");
    }

    @Test
    void theListsOfMembersReadAPageInNameOrderFromAnIndex() {
        String bySenate = secondPage("member", "/members?senate=" + SENATE, Tokens.platformAdmin());
        assertOrderedIndexScan(bySenate, "member_by_senate_name");
        String byEmployer = secondPage("member", "/members?organisation=R101", Tokens.platformAdmin());
        assertOrderedIndexScan(byEmployer, "member_by_employer");
        String all = secondPage("member", "/members", Tokens.platformAdmin());
        assertOrderedIndexScan(all, "member_by_name");
    }

    @Test
    void theSenatesAndAMembersDeclarationsAndAppointmentsReadAPageInOrderFromAnIndex() {
        assertOrderedIndexScan(secondPage("senate", "/senates", null), "senate_pkey");
        UUID member = members.get(0);
        fixtures.declaration(member, SENATE, null, "financial", "RHM", LocalDate.of(2026, 1, 1), null, "pending");
        assertOrderedIndexScan(secondPage("declaration", "/members/" + member + "/declarations",
                Tokens.platformAdmin()), "declaration_by_member");
        fixtures.appointment(member, SENATE, "assembly", "member", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));
        assertOrderedIndexScan(secondPage("appointment", "/members/" + member + "/appointments",
                Tokens.platformAdmin()), "appointment_by_member_latest");
    }

    @Test
    void roundsMeetingDeclarationsAndTheAuditLogReadAPageInOrderFromAnIndex() {
        String senate = fixtures.senate("plan-rounds");
        fixtures.round(senate, 2025, LocalDate.of(2025, 12, 31));
        fixtures.round(senate, 2026, LocalDate.of(2026, 12, 31));
        assertOrderedIndexScan(secondPage("declaration_round", "/senates/" + senate + "/declaration-rounds",
                Tokens.platformAdmin()), "declaration_round_senate_year_key");

        String meeting = "plan-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            as(Tokens.senateAdmin(SENATE)).body(Map.of("meetingKind", "council-meeting", "senate", SENATE,
                    "memberId", members.get(0).toString(), "interest", "Interest " + i, "action", "none"))
                    .post("/meetings/" + meeting + "/declarations").then().statusCode(201);
        }
        assertOrderedIndexScan(secondPage("meeting_declaration", "/meetings/" + meeting + "/declarations",
                Tokens.senateAdmin(SENATE)), "meeting_declaration_by_meeting");
        assertOrderedIndexScan(secondPage("meeting_declaration", "/members/" + members.get(0)
                + "/meeting-declarations", Tokens.platformAdmin()), "meeting_declaration_by_member");

        assertOrderedIndexScan(secondPage("audit_log", "/audit-entries", Tokens.platformAdmin()), "audit_log_pkey");
        String declaration = Declarations.declare(Tokens.member(members.get(1).toString()), members.get(1),
                Declarations.financialInterest("RHM", LocalDate.of(2026, 1, 1)));
        as(Tokens.senateAdmin(SENATE)).header("If-Match", "\"0\"").body(Map.of("managementAction",
                Map.of("action", "none-required"), "publication", "published"))
                .put("/declarations/" + declaration + "/review").then().statusCode(200);
        assertOrderedIndexScan(secondPage("audit_log", "/audit-entries?entityType=declaration&entityId=" + declaration,
                Tokens.platformAdmin()), "audit_log_by_entity");
    }

    /** The query of the list's second page (the keyset condition included), as the service sends it. */
    private String secondPage(String table, String path, String token) {
        String separator = path.contains("?") ? "&" : "?";
        String cursor = (token == null ? anonymous() : as(token)).get(path + separator + "limit=1").then()
                .statusCode(200).extract().path("nextCursor");
        assertThat(cursor).as("a second page of " + path).isNotNull();
        return sql.thePageQueryOf(table, () -> (token == null ? anonymous() : as(token))
                .queryParam("cursor", cursor).get(path + separator + "limit=1").then().statusCode(200));
    }

    private void assertOrderedIndexScan(String query, String index) {
        String plan = plan(query);
        assertThat(plan).as(query + "\n" + plan).containsPattern("Index (Only )?Scan (Backward )?using " + index + " ")
                .doesNotContain("Sort");
    }

    private String plan(String query) {
        return QueryPlans.preferringIndexes(dataSource, query);
    }
}
