package org.clinicalsenate.benchmark;

import java.util.List;

/**
 * The seed, in SQL. Every row respects the migrations' constraints (membership-service V1-V5,
 * review-service V1, service-commons' commons); the spread is chosen so that each query the
 * targets exercise meets realistic data:
 * <ul>
 * <li>members: spread evenly over the active senates (rank {@code r} = position in the senate);
 * professions of every kind; employers are trusts R100-R399 in an ICB of the senate (patient and
 * public members have none; commissioners work for the ICB itself);</li>
 * <li>appointments per senate: council ranks 0-24 (chair and vice-chair unless the senate already
 * has one serving, 3 patient and public members, 17 members serving, 2 whose term ended, 1
 * nominated), assembly ranks 25-174 (every tenth an associate), expert pool ranks 175-474, and
 * ended assembly terms for the rest;</li>
 * <li>rounds: each active senate gets rounds for this year and the two before (an existing round
 * of that year is kept); the current round is the senate's latest;</li>
 * <li>declarations: {@code declarationsPerMember} each, all four categories, counterparties over
 * 300 trusts and the senates' ICBs; numbers 1-3 are the member's return in the current round (one
 * member in five has not made it; one in seventeen made a nil return), 4-6 the previous year's,
 * 7-8 the year before's, the rest outside any round; about 92% published, 3% pending (in the
 * current round), 5% withheld; a fifth have two versions; older interests have mostly ended.</li>
 * </ul>
 */
final class SeedSql {

    private SeedSql() {
    }

    /** The membership statements, in order, for one transaction. */
    static List<String> statements(int senates, Seeder.Volume volume, int year) {
        return List.of(
                """
                CREATE TEMP TABLE bench_senate ON COMMIT DROP AS
                SELECT (row_number() OVER (ORDER BY s.slug) - 1)::int AS idx, s.slug, s.covered_icbs AS icbs,
                       EXISTS (SELECT 1 FROM appointment a WHERE a.senate = s.slug AND a.body = 'council'
                               AND a.role = 'chair' AND a.status <> 'nominated' AND a.term_start <= current_date
                               AND coalesce(a.ended_on, a.term_end) >= current_date) AS has_chair,
                       EXISTS (SELECT 1 FROM appointment a WHERE a.senate = s.slug AND a.body = 'council'
                               AND a.role = 'vice-chair' AND a.status <> 'nominated' AND a.term_start <= current_date
                               AND coalesce(a.ended_on, a.term_end) >= current_date) AS has_vice_chair
                FROM senate s
                WHERE s.active_from <= current_date AND (s.active_to IS NULL OR s.active_to >= current_date)
                """,
                """
                CREATE TEMP TABLE bench_member ON COMMIT DROP AS
                SELECT i, md5('bench-member-' || i)::uuid AS id, s.slug AS senate, s.icbs,
                       greatest(cardinality(s.icbs), 1) AS icb_count, (i - 1) / %1$d AS rank,
                       CASE WHEN (i - 1) / %1$d BETWEEN 2 AND 4 THEN 'patient-public-voice'
                            ELSE (ARRAY['medicine', 'nursing', 'midwifery', 'allied-health', 'pharmacy', 'dentistry',
                                        'healthcare-science', 'public-health', 'social-care',
                                        'commissioning-management', 'other'])[1 + i %% 11] END AS profession
                FROM generate_series(1, %2$d) i JOIN bench_senate s ON s.idx = (i - 1) %% %1$d
                """.formatted(senates, volume.members()),
                """
                INSERT INTO member (id, senate, name, professional_title, profession, specialty, registration_body,
                                    registration_number, employer_ods_code, employer_name, employer_icb, email)
                SELECT m.id, m.senate,
                       'Bench ' || (ARRAY['Amelia', 'Oliver', 'Priya', 'James', 'Grace', 'Mohammed', 'Sophie', 'Daniel',
                                          'Aisha', 'Thomas', 'Emily', 'Kwame', 'Hannah', 'Rajesh', 'Chloe', 'Samuel',
                                          'Fatima', 'George', 'Isla', 'Tomasz'])[1 + m.i % 20]
                         || ' ' || (ARRAY['Smith', 'Jones', 'Patel', 'Williams', 'Brown', 'Khan', 'Taylor', 'Davies',
                                          'Evans', 'Wilson', 'Thomas', 'Roberts', 'Okafor', 'Walker', 'Wright',
                                          'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood',
                                          'Harris', 'Clarke'])[1 + (m.i / 20) % 25]
                         || ' ' || lpad(m.i::text, 5, '0'),
                       CASE m.profession WHEN 'medicine' THEN 'Consultant Physician' WHEN 'nursing' THEN 'Director of Nursing'
                            WHEN 'midwifery' THEN 'Consultant Midwife' WHEN 'pharmacy' THEN 'Chief Pharmacist'
                            WHEN 'public-health' THEN 'Consultant in Public Health' END,
                       m.profession,
                       CASE WHEN m.profession IN ('medicine', 'nursing', 'allied-health')
                            THEN (ARRAY['Cardiology', 'Stroke', 'Maternity', 'Paediatrics', 'Mental health', 'Frailty',
                                        'Cancer', 'Urgent care'])[1 + m.i % 8] END,
                       r.body,
                       CASE WHEN r.body IS NOT NULL THEN lpad((1000000 + m.i * 7919 % 8999999)::text, 7, '0') END,
                       e.ods,
                       CASE WHEN e.ods IS NOT NULL THEN 'Bench organisation ' || e.ods END,
                       CASE WHEN m.profession <> 'patient-public-voice' THEN m.icbs[1 + m.i % m.icb_count] END,
                       'bench-' || m.i || '@bench.example'
                FROM bench_member m
                CROSS JOIN LATERAL (SELECT CASE m.profession WHEN 'medicine' THEN 'GMC' WHEN 'nursing' THEN 'NMC'
                        WHEN 'midwifery' THEN 'NMC' WHEN 'allied-health' THEN 'HCPC' WHEN 'pharmacy' THEN 'GPhC'
                        WHEN 'dentistry' THEN 'GDC' WHEN 'healthcare-science' THEN 'HCPC' END AS body) r
                CROSS JOIN LATERAL (SELECT CASE WHEN m.profession = 'patient-public-voice' THEN NULL
                        WHEN m.profession = 'commissioning-management' THEN m.icbs[1 + m.i % m.icb_count]
                        ELSE 'R' || (100 + m.i * 7 % 300) END AS ods) e
                """,
                """
                INSERT INTO appointment (id, member_id, senate, body, role, term_start, term_end, status, nominated_by,
                                         approved_by, approved_at, ended_on, end_reason, ended_by, ended_at)
                SELECT md5('bench-appointment-' || a.i)::uuid, a.member_id, a.senate, a.body, a.role, a.term_start,
                       a.term_end, a.status, 'bench',
                       CASE WHEN a.status <> 'nominated' THEN 'bench' END,
                       CASE WHEN a.status <> 'nominated' THEN a.term_start - interval '14 days' END,
                       CASE WHEN a.status = 'ended' THEN a.term_end END,
                       CASE WHEN a.status = 'ended' THEN 'Term completed' END,
                       CASE WHEN a.status = 'ended' THEN 'bench' END,
                       CASE WHEN a.status = 'ended' THEN a.term_end + interval '1 day' END
                FROM (
                    SELECT t.*, (t.term_start + interval '3 years' - interval '1 day')::date AS term_end
                    FROM (
                        SELECT m.i, m.id AS member_id, m.senate,
                               CASE WHEN m.rank < 25 THEN 'council' WHEN m.rank < 175 THEN 'assembly'
                                    WHEN m.rank < 475 THEN 'expert-pool' ELSE 'assembly' END AS body,
                               CASE WHEN m.rank = 0 AND NOT s.has_chair THEN 'chair'
                                    WHEN m.rank = 1 AND NOT s.has_vice_chair THEN 'vice-chair'
                                    WHEN m.rank BETWEEN 2 AND 4 THEN 'patient-public-member'
                                    WHEN m.rank BETWEEN 25 AND 174 AND m.rank % 10 = 0 THEN 'associate'
                                    ELSE 'member' END AS role,
                               CASE WHEN m.rank IN (22, 23) OR m.rank >= 475 THEN 'ended'
                                    WHEN m.rank = 24 THEN 'nominated' ELSE 'approved' END AS status,
                               CASE WHEN m.rank IN (22, 23) OR m.rank >= 475 THEN current_date - 1400 + m.i % 200
                                    WHEN m.rank = 24 THEN current_date + 30
                                    ELSE current_date - (m.i * 37) % 900 END AS term_start
                        FROM bench_member m JOIN bench_senate s ON s.slug = m.senate
                    ) t
                ) a
                """,
                """
                INSERT INTO declaration_round (id, senate, year, due_date, opened_by, opened_at)
                SELECT md5('bench-round-' || s.slug || '-' || y)::uuid, s.slug, y,
                       CASE WHEN y = %1$d THEN current_date + 60 ELSE make_date(y, 5, 31) END,
                       'bench',
                       CASE WHEN y = %1$d THEN now() - interval '30 days'
                            ELSE make_timestamptz(y, 4, 1, 9, 0, 0, 'Europe/London') END
                FROM bench_senate s CROSS JOIN generate_series(%1$d - 2, %1$d) y
                ON CONFLICT (senate, year) DO NOTHING
                """.formatted(year),
                """
                CREATE TEMP TABLE bench_round ON COMMIT DROP AS
                SELECT s.slug,
                       (SELECT r.id FROM declaration_round r WHERE r.senate = s.slug ORDER BY r.year DESC LIMIT 1) AS current_id,
                       (SELECT r.id FROM declaration_round r WHERE r.senate = s.slug AND r.year = %1$d - 1) AS previous_id,
                       (SELECT r.id FROM declaration_round r WHERE r.senate = s.slug AND r.year = %1$d - 2) AS older_id
                FROM bench_senate s
                """.formatted(year),
                """
                CREATE TEMP TABLE bench_declaration ON COMMIT DROP AS
                SELECT z.*,
                       CASE WHEN z.interest_end_wanted IS NULL THEN NULL
                            ELSE greatest(z.interest_end_wanted, z.interest_start) END AS interest_end
                FROM (
                    SELECT y.*,
                           CASE WHEN y.nil THEN NULL
                                WHEN y.category = 'non-financial-personal' AND y.k %% 2 = 0 THEN NULL
                                WHEN (y.i * y.k) %% 10 = 0 THEN y.icbs[1 + y.k %% y.icb_count]
                                ELSE 'R' || (100 + (y.i * 37 + y.k * 101) %% 300) END AS counterparty,
                           CASE WHEN y.nil THEN NULL
                                ELSE (y.declared_at - (30 + (y.i * 13 + y.k * 7) %% 1500) * interval '1 day')::date
                                END AS interest_start,
                           CASE WHEN y.nil THEN NULL
                                WHEN y.period = 'current' THEN CASE WHEN (y.i + y.k) %% 8 = 0 THEN current_date + 90 END
                                WHEN y.period = 'previous' THEN CASE WHEN (y.i + y.k) %% 3 = 0
                                                                     THEN current_date - (y.i * y.k) %% 150 END
                                ELSE CASE WHEN (y.i + y.k) %% 10 < 7 THEN current_date - (200 + (y.i * y.k) %% 800) END
                                END AS interest_end_wanted,
                           CASE WHEN y.nil THEN 'published'
                                WHEN y.period = 'current' AND (y.i + y.k) %% 10 = 0 THEN 'pending'
                                WHEN (y.i * 31 + y.k) %% 20 = 7 THEN 'withheld'
                                ELSE 'published' END AS publication,
                           CASE WHEN NOT y.nil AND (y.i + 3 * y.k) %% 5 = 0 THEN 2 ELSE 1 END AS version_no
                    FROM (
                        SELECT x.*,
                               CASE WHEN x.nil THEN NULL
                                    ELSE (ARRAY['financial', 'non-financial-professional', 'non-financial-personal',
                                                'indirect'])[1 + (x.i + x.k) %% 4] END AS category,
                               CASE x.period
                                    WHEN 'current' THEN now() - ((x.i * 7 + x.k) %% 25 + 1) * interval '1 day'
                                    WHEN 'previous' THEN make_timestamptz(%2$d - 1, 4, 10, 10, 0, 0, 'Europe/London')
                                                         + ((x.i * x.k) %% 40) * interval '1 day'
                                    WHEN 'older' THEN make_timestamptz(%2$d - 2, 4, 10, 10, 0, 0, 'Europe/London')
                                                      + ((x.i * x.k) %% 40) * interval '1 day'
                                    ELSE now() - (200 + (x.i * x.k) %% 900) * interval '1 day' END AS declared_at
                        FROM (
                            SELECT m.i, k, md5('bench-declaration-' || m.i || '-' || k)::uuid AS id,
                                   m.id AS member_id, m.senate, m.icbs, m.icb_count,
                                   CASE WHEN k <= 3 AND m.i %% 5 <> 0 AND (k = 1 OR m.i %% 17 <> 0) THEN 'current'
                                        WHEN k <= 6 THEN 'previous' WHEN k <= 8 THEN 'older' ELSE 'adhoc' END AS period,
                                   (k = 1 AND m.i %% 17 = 0 AND m.i %% 5 <> 0) AS nil
                            FROM bench_member m CROSS JOIN generate_series(1, %1$d) k
                        ) x
                    ) y
                ) z
                """.formatted(volume.declarationsPerMember(), year),
                """
                INSERT INTO declaration (id, member_id, senate, round_id, nil_return, category, description,
                                         counterparty_ods_code, counterparty_name, relationship, interest_start,
                                         interest_end, declared_at, declared_by, on_behalf, late, management_action,
                                         publication, withheld_reason, reviewed_by, reviewed_at, version,
                                         first_declared_at, version_no)
                SELECT d.id, d.member_id, d.senate,
                       CASE d.period WHEN 'current' THEN r.current_id WHEN 'previous' THEN r.previous_id
                                     WHEN 'older' THEN r.older_id END,
                       d.nil, d.category,
                       CASE d.category
                            WHEN 'financial' THEN 'Paid advisory sessions (' || d.k || ')'
                            WHEN 'non-financial-professional' THEN 'Member of a programme board (' || d.k || ')'
                            WHEN 'non-financial-personal' THEN 'Trustee of a local health charity (' || d.k || ')'
                            WHEN 'indirect' THEN 'Close family member works there (' || d.k || ')' END,
                       d.counterparty,
                       CASE WHEN d.counterparty IS NOT NULL THEN 'Bench organisation ' || d.counterparty END,
                       CASE WHEN d.category = 'indirect'
                            THEN (ARRAY['spouse', 'partner', 'sibling', 'parent', 'adult child'])[1 + d.i % 5] END,
                       d.interest_start, d.interest_end, d.declared_at, 'bench',
                       (d.i + d.k) % 13 = 0,
                       NOT d.nil AND (d.i * d.k) % 11 = 0,
                       CASE WHEN d.publication <> 'pending' AND NOT d.nil
                            THEN (ARRAY['none-required', 'none-required', 'restrict-participation',
                                        'exclude-from-relevant-items', 'withhold-papers'])[1 + (d.i + d.k) % 5] END,
                       d.publication,
                       CASE WHEN d.publication = 'withheld' THEN 'Withheld to protect the member''s safety' END,
                       CASE WHEN d.publication <> 'pending' AND NOT d.nil THEN 'bench-admin' END,
                       CASE WHEN d.publication <> 'pending' AND NOT d.nil
                            THEN least(d.declared_at + interval '3 days', now()) END,
                       d.version_no - 1 + CASE WHEN d.publication <> 'pending' AND NOT d.nil THEN 1 ELSE 0 END,
                       d.declared_at - (d.version_no - 1) * interval '20 days',
                       d.version_no
                FROM bench_declaration d JOIN bench_round r ON r.slug = d.senate
                """,
                """
                INSERT INTO declaration_version (declaration_id, version_no, nil_return, category, description,
                                                 counterparty_ods_code, counterparty_name, relationship, interest_start,
                                                 interest_end, declared_at, declared_by, on_behalf, late)
                SELECT d.id, v, d.nil_return, d.category,
                       CASE WHEN v < d.version_no THEN d.description || ', as first declared' ELSE d.description END,
                       d.counterparty_ods_code, d.counterparty_name, d.relationship, d.interest_start,
                       CASE WHEN v < d.version_no THEN NULL ELSE d.interest_end END,
                       CASE WHEN v < d.version_no THEN d.first_declared_at ELSE d.declared_at END,
                       d.declared_by, d.on_behalf, d.late
                FROM declaration d JOIN bench_member m ON m.id = d.member_id
                CROSS JOIN LATERAL generate_series(1, d.version_no) v
                """);
    }

    /**
     * The advice requests (parameters: senate slugs, their ICBs comma-separated, how many): one
     * every 11 hours back from now (about two and a half years for 2,000), the newest still being
     * received and triaged, the oldest closed.
     */
    static final String ADVICE_REQUESTS = """
            WITH senates AS (
                SELECT s.slug, string_to_array(s.icbs, ',') AS icbs, (s.idx - 1)::int AS idx
                FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS s(slug, icbs, idx)
            ), numbered AS (
                SELECT i, now() - i * interval '11 hours' AS submitted_at FROM generate_series(1, ?) i
            )
            INSERT INTO advice_request (id, senate, requesting_organisation, requesting_organisation_type,
                                        area_under_review, proposal_stage, needed_by, requester_name, requester_email,
                                        kind, title, question, status, submitted_by, submitted_at, updated_at, version)
            SELECT md5('bench-advice-' || n.i)::uuid, s.slug,
                   coalesce(s.icbs[1 + n.i % greatest(cardinality(s.icbs), 1)], 'QRL'), 'icb',
                   ARRAY[coalesce(s.icbs[1 + n.i % greatest(cardinality(s.icbs), 1)], 'QRL')],
                   (ARRAY['case-for-change', 'options-appraisal', 'pre-consultation-business-case', 'consultation',
                          'decision'])[1 + n.i % 5],
                   n.submitted_at::date + 120, 'Bench requester', 'requester@bench.example',
                   (ARRAY['early-advice', 'clinical-review', 'informal-advice', 'proactive-review'])[1 + n.i % 4],
                   'Bench advice request ' || n.i || ': '
                     || (ARRAY['stroke services', 'maternity services', 'elective orthopaedics', 'urgent care',
                               'mental health beds', 'paediatric surgery', 'cancer diagnostics',
                               'frailty pathway'])[1 + n.i % 8],
                   'Is the proposed model of care clinically safe, sustainable and based on evidence? (bench '
                     || n.i || ')',
                   (ARRAY['received', 'accepted', 'declined', 'redirected', 'terms-agreed', 'panel-formed',
                          'evidence-gathering', 'draft-report', 'factual-accuracy-check', 'endorsed', 'issued',
                          'published', 'sponsor-responded', 'closed'])[least(14, 1 + n.i / 150)],
                   'bench', n.submitted_at, least(n.submitted_at + interval '2 days', now()), n.i % 3
            FROM numbered n JOIN senates s ON s.idx = n.i % (SELECT count(*) FROM senates)
            """;

    /**
     * The bench requests' full histories: every change of status along the path to the status each
     * was seeded in (10 days apart from submission, never after now), replacing the one row the
     * trigger recorded; and, for those issued or later, the report (one version with three
     * recommendations and the Test 3 assessment, issued; published and answered by the sponsor as
     * the status says). What the assurance statistics and the public log read.
     */
    static final String[] REVIEW_HISTORIES = {
        """
        DELETE FROM advice_request_transition WHERE advice_request_id IN
            (SELECT id FROM advice_request WHERE submitted_by = 'bench')
        """,
        """
        WITH path AS (
            SELECT r.id, r.submitted_at,
                   CASE WHEN r.status IN ('declined', 'redirected') THEN ARRAY['received', r.status]
                        ELSE (ARRAY['received', 'accepted', 'terms-agreed', 'panel-formed', 'evidence-gathering',
                                    'draft-report', 'factual-accuracy-check', 'endorsed', 'issued', 'published',
                                    'sponsor-responded', 'closed'])[1:array_position(ARRAY['received', 'accepted',
                                    'terms-agreed', 'panel-formed', 'evidence-gathering', 'draft-report',
                                    'factual-accuracy-check', 'endorsed', 'issued', 'published', 'sponsor-responded',
                                    'closed'], r.status)] END AS statuses
            FROM advice_request r WHERE r.submitted_by = 'bench'
        )
        INSERT INTO advice_request_transition (advice_request_id, from_status, to_status, at)
        SELECT p.id, CASE WHEN s.k = 1 THEN NULL ELSE p.statuses[s.k - 1] END, p.statuses[s.k],
               least(p.submitted_at + (s.k - 1) * interval '10 days' + s.k * interval '1 second', now())
        FROM path p CROSS JOIN LATERAL generate_subscripts(p.statuses, 1) AS s(k)
        """,
        """
        UPDATE advice_request SET triage_decision = CASE status WHEN 'declined' THEN 'decline'
                   WHEN 'redirected' THEN 'redirect' ELSE 'accept' END,
               lead_member_id = CASE WHEN status NOT IN ('declined', 'redirected') THEN md5('bench-lead')::uuid END,
               triage_reason = CASE WHEN status IN ('declined', 'redirected') THEN 'Bench reason' END,
               redirected_to_body = CASE WHEN status = 'redirected' THEN 'Bench clinical network' END,
               triaged_at = least(submitted_at + interval '10 days', now()), triaged_by = 'bench'
        WHERE submitted_by = 'bench' AND status <> 'received'
        """,
        """
        INSERT INTO report_version (id, advice_request_id, version_no, executive_summary, background, method, findings,
                                    recommendations, test_assessments, drafted_by, drafted_at)
        SELECT md5('bench-report-' || r.id)::uuid, r.id, 1,
               'The panel supports the proposal for ' || r.title || ', subject to its recommendations.',
               'Bench background.', 'Bench method: desk review and a panel meeting.',
               'Bench findings on workforce, pathways and estates.',
               jsonb_build_array(
                   jsonb_build_object('number', 1, 'text', 'Publish a workforce plan.', 'theme', 'workforce',
                                      'priority', 'high', 'evidenceStrength', 'moderate'),
                   jsonb_build_object('number', 2, 'text', 'Model travel times.', 'theme', 'patient-pathways',
                                      'priority', 'medium', 'evidenceStrength', 'limited'),
                   jsonb_build_object('number', 3, 'text', 'Plan the estate.', 'theme', 'estates',
                                      'priority', 'low', 'evidenceStrength', 'expert-opinion')),
               jsonb_build_array(jsonb_build_object('test', 'test-3-clinical-evidence-base', 'assessment',
                   (ARRAY['supported', 'partly-supported', 'not-supported'])[1 + abs(hashtext(r.id::text)) % 3],
                   'reasoning', 'Bench reasoning.', 'conditionsMet', '[]'::jsonb)),
               'bench', least(r.submitted_at + interval '50 days', now())
        FROM advice_request r
        WHERE r.submitted_by = 'bench' AND r.status IN ('issued', 'published', 'sponsor-responded', 'closed')
        """,
        """
        INSERT INTO report (advice_request_id, latest_version, fa_version, fa_sent_by, fa_sent_at, fa_sent_on, fa_due_on,
                            endorsement_decision, endorsement_meeting_on, endorsement_version, endorsement_by,
                            endorsement_at, issued_version, issued_on, issued_by, consent_decision, consent_given_by,
                            consent_given_on, consent_recorded_by, consent_recorded_at, published_version,
                            published_by, published_at, responses, responded_by, responded_at, closed_by, closed_at,
                            closed_from)
        SELECT r.id, 1, 1, 'bench', r.submitted_at + interval '60 days', (r.submitted_at + interval '60 days')::date,
               (r.submitted_at + interval '74 days')::date, 'endorsed', (r.submitted_at + interval '70 days')::date, 1,
               'bench', r.submitted_at + interval '70 days', 1, (r.submitted_at + interval '80 days')::date, 'bench',
               CASE WHEN published THEN 'given' END, CASE WHEN published THEN 'Bench sponsor' END,
               CASE WHEN published THEN (r.submitted_at + interval '85 days')::date END,
               CASE WHEN published THEN 'bench' END, CASE WHEN published THEN r.submitted_at + interval '85 days' END,
               CASE WHEN published THEN 1 END, CASE WHEN published THEN 'bench' END,
               CASE WHEN published THEN least(r.submitted_at + interval '90 days', now()) END,
               CASE WHEN responded THEN jsonb_build_array(
                   jsonb_build_object('recommendation', 1, 'response', 'accepted', 'action', 'Plan', 'owner', 'CNO'),
                   jsonb_build_object('recommendation', 2, 'response', 'partly-accepted', 'action', 'Model',
                                      'owner', 'Director of Strategy'),
                   jsonb_build_object('recommendation', 3, 'response', 'not-accepted')) END,
               CASE WHEN responded THEN 'bench' END,
               CASE WHEN responded THEN least(r.submitted_at + interval '100 days', now()) END,
               CASE WHEN r.status = 'closed' THEN 'bench' END,
               CASE WHEN r.status = 'closed' THEN least(r.submitted_at + interval '110 days', now()) END,
               CASE WHEN r.status = 'closed' THEN 'sponsor-responded' END
        FROM advice_request r
        CROSS JOIN LATERAL (SELECT r.status IN ('published', 'sponsor-responded', 'closed') AS published,
                                   r.status IN ('sponsor-responded', 'closed') AS responded) f
        WHERE r.submitted_by = 'bench' AND r.status IN ('issued', 'published', 'sponsor-responded', 'closed')
        """
    };
}
