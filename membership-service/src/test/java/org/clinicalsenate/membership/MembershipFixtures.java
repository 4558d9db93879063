package org.clinicalsenate.membership;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Test data written straight into the service's real PostgreSQL, for tests of one feature that
 * need records of another (e.g. the register needs members, appointments and declarations).
 * Inject the DataSource in a @QuarkusTest and pass it here.
 */
public final class MembershipFixtures {

    private final DataSource db;

    public MembershipFixtures(DataSource db) {
        this.db = db;
    }

    public UUID member(String senate, String name, String profession, String employerOdsCode) {
        UUID id = UUID.randomUUID();
        update("INSERT INTO member (id, senate, name, profession, employer_ods_code, employer_name, email) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", id, senate, name, profession, employerOdsCode,
                employerOdsCode == null ? null : "Employer " + employerOdsCode,
                name.toLowerCase().replace(' ', '.') + "@nhs.example");
        return id;
    }

    /** An approved appointment (active between the dates). */
    public UUID appointment(UUID member, String senate, String body, String role, LocalDate start, LocalDate end) {
        UUID id = UUID.randomUUID();
        update("INSERT INTO appointment (id, member_id, senate, body, role, term_start, term_end, status, "
                + "nominated_by, approved_by, approved_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'approved', 'fixture', 'fixture', now())",
                id, member, senate, body, role, Date.valueOf(start), Date.valueOf(end));
        return id;
    }

    public UUID round(String senate, int year, LocalDate dueDate) {
        UUID id = UUID.randomUUID();
        update("INSERT INTO declaration_round (id, senate, year, due_date, opened_by) VALUES (?, ?, ?, ?, 'fixture')",
                id, senate, year, Date.valueOf(dueDate));
        return id;
    }

    /** An interest declaration (version 1 is recorded too), with the given publication decision. */
    public UUID declaration(UUID member, String senate, UUID round, String category, String counterpartyOdsCode,
            LocalDate interestStart, LocalDate interestEnd, String publication) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        update("INSERT INTO declaration (id, member_id, senate, round_id, nil_return, category, description, "
                + "counterparty_ods_code, counterparty_name, interest_start, interest_end, declared_at, first_declared_at, "
                + "declared_by, publication, withheld_reason) VALUES (?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, 'fixture', ?, ?)",
                id, member, senate, round, category, "Interest in " + counterpartyOdsCode, counterpartyOdsCode,
                counterpartyOdsCode == null ? null : "Organisation " + counterpartyOdsCode,
                interestStart == null ? null : Date.valueOf(interestStart),
                interestEnd == null ? null : Date.valueOf(interestEnd), now, now, publication,
                "withheld".equals(publication) ? "Fixture reason" : null);
        update("INSERT INTO declaration_version (declaration_id, version_no, nil_return, category, description, "
                + "counterparty_ods_code, counterparty_name, interest_start, interest_end, declared_at, declared_by, on_behalf, "
                + "late) SELECT id, 1, nil_return, category, description, counterparty_ods_code, counterparty_name, "
                + "interest_start, interest_end, declared_at, declared_by, on_behalf, late FROM declaration WHERE id = ?", id);
        return id;
    }

    public UUID nilReturn(UUID member, String senate, UUID round) {
        UUID id = UUID.randomUUID();
        update("INSERT INTO declaration (id, member_id, senate, round_id, nil_return, declared_at, first_declared_at, "
                + "declared_by, publication) VALUES (?, ?, ?, ?, true, now(), now(), 'fixture', 'published')",
                id, member, senate, round);
        update("INSERT INTO declaration_version (declaration_id, version_no, nil_return, declared_at, declared_by, on_behalf, late) "
                + "SELECT id, 1, true, declared_at, declared_by, false, false FROM declaration WHERE id = ?", id);
        return id;
    }

    private void update(String sql, Object... values) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * A new active senate of its own (slug {@code prefix-xxxxxxxx}), for a test whose rounds and
     * rosters must see no other test's data.
     */
    public String senate(String prefix) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        update("INSERT INTO senate (slug, name, region, active_from) VALUES (?, ?, 'Test', DATE '2013-04-01')",
                slug, "Test senate " + slug);
        return slug;
    }

    /** The single number a query answers, e.g. a {@code count(*)}. */
    public long count(String sql, Object... values) {
        return ((Number) rows(sql, values).get(0).values().iterator().next()).longValue();
    }

    /** Rows the API does not show (outbox events, reminders), column name to value. */
    public List<Map<String, Object>> rows(String sql, Object... values) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * The plan PostgreSQL chooses for a query when every alternative to an ordered index scan is
     * priced out (so the answer does not depend on how little data a test database holds).
     */
    public String planPreferringIndexes(String sql) {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            s.execute("SET enable_bitmapscan = off");
            s.execute("SET enable_sort = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            } finally {
                s.execute("RESET ALL");
            }
            return plan.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
