package org.clinicalsenate.membership;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinicalsenate.testing.Sql;

/**
 * Test data written straight into the service's real PostgreSQL, for tests of one feature that
 * need records of another (e.g. the register needs members, appointments and declarations).
 * A @QuarkusTest injects it.
 */
@ApplicationScoped
public class MembershipFixtures {

    @Inject
    DataSource db;

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
        if ("published".equals(publication)) {
            update("UPDATE declaration SET published_version_no = 1 WHERE id = ?", id);
        }
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
        Sql.update(db, sql, values);
    }

    /**
     * A senate of a test's own, so that it knows every council member and round in it. It has ended
     * (in 2020) so that it does not count among the active senates that other tests list.
     */
    public void endedSenate(String slug) {
        update("INSERT INTO senate (slug, name, region, active_from, active_to) VALUES (?, ?, 'Test', ?, ?)",
                slug, "Senate " + slug, Date.valueOf("2013-04-01"), Date.valueOf("2020-03-31"));
    }

    public void professionalTitle(UUID member, String title) {
        update("UPDATE member SET professional_title = ? WHERE id = ?", title, member);
    }

    /** The member's employer, with the ICB whose area it is in (null when not known). */
    public void employer(UUID member, String odsCode, String name, String icb) {
        update("UPDATE member SET employer_ods_code = ?, employer_name = ?, employer_icb = ? WHERE id = ?",
                odsCode, name, icb, member);
    }

    /** Rewrites the interest as declared (in the declaration and its first version). */
    public void describe(UUID declaration, String description, String relationship) {
        update("UPDATE declaration SET description = ?, relationship = ? WHERE id = ?", description, relationship,
                declaration);
        update("UPDATE declaration_version SET description = ?, relationship = ? WHERE declaration_id = ?",
                description, relationship, declaration);
    }

    /** An admin's review: the management action (with its detail) and the internal review note. */
    public void managementAction(UUID declaration, String action, String detail, String reviewNote) {
        update("UPDATE declaration SET management_action = ?, management_action_note = ?, review_note = ?, "
                + "reviewed_by = 'fixture', reviewed_at = now() WHERE id = ?", action, detail, reviewNote, declaration);
        // what the register shows of a published declaration
        update("UPDATE declaration SET published_action = management_action, published_action_detail = management_action_note "
                + "WHERE id = ? AND published_version_no IS NOT NULL", declaration);
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
        return Sql.count(db, sql, values);
    }

    /** Rows the API does not show (outbox events, reminders), column name to value. */
    public List<Map<String, Object>> rows(String sql, Object... values) {
        return Sql.rows(db, sql, values);
    }
}
