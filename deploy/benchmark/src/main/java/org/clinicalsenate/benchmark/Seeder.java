package org.clinicalsenate.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The realistic volume the targets are set for (deploy/benchmark/README.md), written straight into the running platform's
 * databases with set-based SQL ({@code INSERT ... SELECT generate_series}): a few seconds instead
 * of tens of thousands of API calls. Each database is seeded in one transaction, so a failed seed
 * leaves nothing behind; a seeded database is left alone (idempotent); {@link #clean} removes it all.
 * <p>
 * What is the benchmark's: members named "Bench ..." with an {@code @bench.example} email (and,
 * through them, their appointments, declarations, versions and reminders), rounds opened by
 * {@code bench}, advice requests submitted by {@code bench} or a {@code bench-} caller with a title
 * starting "Bench ", and what those requests caused (outbox events, idempotency records, received
 * events). The audit entries of requests created through the API stay: the audit log is append-only.
 * <p>
 * Identifiers are derived from the row's number ({@code md5('bench-member-' || i)::uuid}) so that
 * related rows are written without looking anything up, and a seed is the same every time.
 */
final class Seeder {

    /** How much to seed (the defaults are the targets' volume). */
    record Volume(int members, int declarationsPerMember, int adviceRequests) {
        static final Volume DESIGN = new Volume(5_000, 10, 2_000);
    }

    /** An active senate and the ICBs it covers. */
    record ActiveSenate(String slug, List<String> icbs) {
    }

    /** A review panel to check: members and the organisations and area of the review. */
    record Panel(List<UUID> memberIds, List<String> organisations, List<String> area) {
    }

    static final String BENCH_MEMBER = "m.name LIKE 'Bench %' AND m.email LIKE 'bench-%@bench.example'";
    static final String BENCH_ADVICE = "submitted_by LIKE 'bench%' AND title LIKE 'Bench %'";

    /** Days of England: "today" of the register, and the year of the current round. */
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final String jdbcBase;
    private final String user;
    private final String password;

    /** @param jdbcBase e.g. {@code jdbc:postgresql://127.0.0.1:5433/} (a database name is appended) */
    Seeder(String jdbcBase, String user, String password) {
        this.jdbcBase = Loopback.requireJdbc(jdbcBase.endsWith("/") ? jdbcBase : jdbcBase + "/");
        this.user = user;
        this.password = password;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(Loopback.requireJdbc(jdbcBase + database), user, password);
    }

    /** Seeds what is missing; returns what it did, one line per database. */
    List<String> seed(Volume volume) throws SQLException {
        List<String> done = new ArrayList<>();
        List<ActiveSenate> senates;
        try (Connection c = connect("membership")) {
            senates = activeSenates(c);
            if (senates.isEmpty()) {
                throw new IllegalStateException("membership has no active senate: is the platform's database migrated?");
            }
            long existing = count(c, "SELECT count(*) FROM member m WHERE " + BENCH_MEMBER);
            if (existing > 0) {
                done.add("membership: already seeded (" + existing + " bench members), left as it is");
            } else {
                long began = System.nanoTime();
                seedMembership(c, senates.size(), volume);
                vacuumAnalyze(c, "member", "appointment", "declaration_round", "declaration", "declaration_version");
                done.add(String.format("membership: seeded %d members over %d senates, %d appointments, %d declarations"
                        + " (%d versions) in %.1f s, then VACUUM ANALYZE",
                        count(c, "SELECT count(*) FROM member m WHERE " + BENCH_MEMBER),
                        senates.size(),
                        count(c, "SELECT count(*) FROM appointment a JOIN member m ON m.id = a.member_id WHERE " + BENCH_MEMBER),
                        count(c, "SELECT count(*) FROM declaration d JOIN member m ON m.id = d.member_id WHERE " + BENCH_MEMBER),
                        count(c, "SELECT count(*) FROM declaration_version v JOIN declaration d ON d.id = v.declaration_id"
                                + " JOIN member m ON m.id = d.member_id WHERE " + BENCH_MEMBER),
                        (System.nanoTime() - began) / 1e9));
            }
        }
        try (Connection c = connect("review")) {
            long existing = count(c, "SELECT count(*) FROM advice_request WHERE submitted_by = 'bench'");
            if (existing > 0) {
                done.add("review: already seeded (" + existing + " bench advice requests), left as it is");
            } else {
                long began = System.nanoTime();
                seedReview(c, senates, volume);
                vacuumAnalyze(c, "advice_request", "advice_request_transition", "report", "report_version");
                done.add(String.format("review: seeded %d advice requests in %.1f s, then VACUUM ANALYZE",
                        count(c, "SELECT count(*) FROM advice_request WHERE submitted_by = 'bench'"),
                        (System.nanoTime() - began) / 1e9));
            }
        }
        return done;
    }

    /** Removes everything the benchmark wrote (but the append-only audit entries); returns what it did. */
    List<String> clean() throws SQLException {
        List<String> done = new ArrayList<>();
        try (Connection c = connect("membership")) {
            c.setAutoCommit(false);
            String members = "SELECT m.id FROM member m WHERE " + BENCH_MEMBER;
            int versions = update(c, "DELETE FROM declaration_version WHERE declaration_id IN"
                    + " (SELECT id FROM declaration WHERE member_id IN (" + members + "))");
            update(c, "DELETE FROM meeting_declaration WHERE member_id IN (" + members + ")");
            update(c, "DELETE FROM declaration_reminder WHERE member_id IN (" + members + ")");
            int declarations = update(c, "DELETE FROM declaration WHERE member_id IN (" + members + ")");
            int appointments = update(c, "DELETE FROM appointment WHERE member_id IN (" + members + ")");
            int removed = update(c, "DELETE FROM member m WHERE " + BENCH_MEMBER);
            // a round someone has used since (a declaration or reminder of a real member) stays
            int rounds = update(c, "DELETE FROM declaration_round r WHERE r.opened_by = 'bench'"
                    + " AND NOT EXISTS (SELECT 1 FROM declaration d WHERE d.round_id = r.id)"
                    + " AND NOT EXISTS (SELECT 1 FROM declaration_reminder x WHERE x.round_id = r.id)");
            c.commit();
            done.add(String.format("membership: removed %d members, %d appointments, %d declarations (%d versions),"
                    + " %d rounds", removed, appointments, declarations, versions, rounds));
        }
        try (Connection c = connect("review")) {
            c.setAutoCommit(false);
            int events = update(c, "DELETE FROM outbox_event WHERE aggregate_id IN"
                    + " (SELECT id::text FROM advice_request WHERE " + BENCH_ADVICE + ")");
            int keys = update(c, "DELETE FROM idempotency_record WHERE principal LIKE 'bench-%'");
            String bench = "SELECT id FROM advice_request WHERE " + BENCH_ADVICE;
            for (String table : List.of("advice_request_transition", "stage_overdue", "factual_accuracy_comment",
                    "report", "report_version")) {
                update(c, "DELETE FROM " + table + " WHERE advice_request_id IN (" + bench + ")");
            }
            int requests = update(c, "DELETE FROM advice_request WHERE " + BENCH_ADVICE);
            c.commit();
            long audit = count(c, "SELECT count(*) FROM audit_log WHERE actor LIKE 'bench-%'");
            done.add(String.format("review: removed %d advice requests, %d outbox events, %d idempotency records"
                    + " (%d audit entries of benchmark requests stay: the audit log is append-only)",
                    requests, events, keys, audit));
        }
        try (Connection c = connect("notification")) {
            int received = update(c, "DELETE FROM received_event WHERE source = '/review-service'"
                    + " AND data->>'title' LIKE 'Bench %'");
            done.add("notification: removed " + received + " received events of benchmark requests");
            int webhookEvents = update(c, "DELETE FROM received_event WHERE subject LIKE '"
                    + WebhookPhase.SUBJECT_PREFIX + "%'");
            done.add("notification: removed " + webhookEvents + " events of the webhook phase (and their messages)");
        }
        return done;
    }

    /** The active senates (today, in England), by slug. */
    List<ActiveSenate> activeSenates() throws SQLException {
        try (Connection c = connect("membership")) {
            return activeSenates(c);
        }
    }

    private static List<ActiveSenate> activeSenates(Connection c) throws SQLException {
        List<ActiveSenate> senates = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT slug, covered_icbs FROM senate"
                + " WHERE active_from <= ? AND (active_to IS NULL OR active_to >= ?) ORDER BY slug")) {
            LocalDate today = LocalDate.now(ENGLAND);
            s.setObject(1, today);
            s.setObject(2, today);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    senates.add(new ActiveSenate(rs.getString(1), List.of((String[]) rs.getArray(2).getArray())));
                }
            }
        }
        return senates;
    }

    /**
     * {@code count} panels of {@code size} bench members each (a fixed pseudo-random choice), each
     * checked against organisations some of its members declared interests in (so that there are
     * conflicts to find) and the area of one member's ICB.
     */
    List<Panel> panels(int count, int size) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        List<String> icbs = new ArrayList<>();
        List<List<String>> declared = new ArrayList<>();
        try (Connection c = connect("membership"); PreparedStatement s = c.prepareStatement("""
                SELECT m.id, m.employer_icb,
                       ARRAY(SELECT DISTINCT d.counterparty_ods_code FROM declaration d
                             WHERE d.member_id = m.id AND d.counterparty_ods_code IS NOT NULL
                             ORDER BY 1)
                FROM member m
                WHERE %s AND EXISTS (SELECT 1 FROM declaration d WHERE d.member_id = m.id)
                ORDER BY md5(m.id::text)
                LIMIT ?
                """.formatted(BENCH_MEMBER))) {
            s.setInt(1, count * size);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                    icbs.add(rs.getString(2));
                    declared.add(List.of((String[]) rs.getArray(3).getArray()));
                }
            }
        }
        if (ids.size() < size) {
            throw new IllegalStateException("only " + ids.size() + " bench members with declarations: seed first");
        }
        List<Panel> panels = new ArrayList<>();
        for (int p = 0; p + size <= ids.size(); p += size) {
            List<String> organisations = new ArrayList<>();
            String area = null;
            for (int m = p; m < p + size; m++) {
                // one organisation from each of the first few members' interests
                if (organisations.size() < 5 && !declared.get(m).isEmpty()) {
                    String organisation = declared.get(m).get((m * 7) % declared.get(m).size());
                    if (!organisations.contains(organisation)) {
                        organisations.add(organisation);
                    }
                }
                if (area == null && icbs.get(m) != null) {
                    area = icbs.get(m);
                }
            }
            organisations.remove(area);
            panels.add(new Panel(ids.subList(p, p + size), organisations, area == null ? List.of() : List.of(area)));
        }
        return panels;
    }

    /** Advice requests the benchmark created through the API in the run {@code runId}. */
    long createdInRun(String runId) throws SQLException {
        try (Connection c = connect("review"); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM advice_request WHERE title LIKE ?")) {
            s.setString(1, "Bench load request " + runId + " %");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Rows in the tables that make the volume (all rows: the demo data's and anyone else's too). */
    /** The server's durability settings as it reports them ({@code SHOW}), for the report. */
    Map<String, String> durability() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = connect("review"); Statement s = c.createStatement()) {
            for (String name : Report.DURABILITY_SETTINGS) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
        }
        return settings;
    }

    Map<String, Long> volume() throws SQLException {
        Map<String, Long> volume = new LinkedHashMap<>();
        try (Connection c = connect("membership")) {
            volume.put("active senates", (long) activeSenates(c).size());
            volume.put("members", count(c, "SELECT count(*) FROM member"));
            volume.put("appointments", count(c, "SELECT count(*) FROM appointment"));
            volume.put("declarations", count(c, "SELECT count(*) FROM declaration"));
            volume.put("declaration versions", count(c, "SELECT count(*) FROM declaration_version"));
            volume.put("distinct counterparties", count(c,
                    "SELECT count(DISTINCT counterparty_ods_code) FROM declaration"));
        }
        try (Connection c = connect("review")) {
            volume.put("advice requests", count(c, "SELECT count(*) FROM advice_request"));
        }
        return volume;
    }

    private void seedMembership(Connection c, int senateCount, Volume volume) throws SQLException {
        int year = LocalDate.now(ENGLAND).getYear();
        inTransaction(c, () -> {
            try (Statement s = c.createStatement()) {
                for (String sql : SeedSql.statements(senateCount, volume, year)) {
                    s.execute(sql);
                }
            }
        });
    }

    /** SQL work that may fail. */
    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Runs {@code work} in one transaction: all of it is seeded, or nothing. */
    private static void inTransaction(Connection c, SqlWork work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void seedReview(Connection c, List<ActiveSenate> senates, Volume volume) throws SQLException {
        Array slugs = c.createArrayOf("text", senates.stream().map(ActiveSenate::slug).toArray());
        Array icbs = c.createArrayOf("text", senates.stream().map(s -> String.join(",", s.icbs())).toArray());
        inTransaction(c, () -> {
            try (PreparedStatement s = c.prepareStatement(SeedSql.ADVICE_REQUESTS);
                    Statement histories = c.createStatement()) {
                s.setArray(1, slugs);
                s.setArray(2, icbs);
                s.setInt(3, volume.adviceRequests());
                s.executeUpdate();
                for (String sql : SeedSql.REVIEW_HISTORIES) {
                    histories.execute(sql);
                }
            }
        });
    }

    private static void vacuumAnalyze(Connection c, String... tables) throws SQLException {
        // the planner's statistics and the visibility map of a settled database, as in production
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) " + String.join(", ", tables));
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }
}
