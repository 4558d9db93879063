-- A senate may accept a review as confidential: it is then left out of the public log.
ALTER TABLE advice_request ADD COLUMN confidential boolean NOT NULL DEFAULT false;

-- Full text over titles and questions, and over published reports (set when a version is published,
-- by the database so that no publication misses it).
ALTER TABLE advice_request ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || question)) STORED;
CREATE INDEX advice_request_search ON advice_request USING gin (search);
ALTER TABLE report ADD COLUMN published_search tsvector;
CREATE INDEX report_published_search ON report USING gin (published_search);

CREATE FUNCTION report_index_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.published_search := (
        SELECT to_tsvector('english', v.executive_summary || ' ' || v.findings || ' '
            || coalesce((SELECT string_agg(r ->> 'text', ' ') FROM jsonb_array_elements(v.recommendations) r), ''))
        FROM report_version v
        WHERE v.advice_request_id = NEW.advice_request_id AND v.version_no = NEW.published_version);
    RETURN NEW;
END
$$;
CREATE TRIGGER report_index_published BEFORE UPDATE OF published_version ON report
    FOR EACH ROW WHEN (NEW.published_version IS DISTINCT FROM OLD.published_version)
    EXECUTE FUNCTION report_index_published();

-- The log's query paths: newest first, overall and by senate, by area (ICB), by organisation.
CREATE INDEX advice_request_public ON advice_request (submitted_at DESC, id DESC)
    WHERE triage_decision = 'accept' AND NOT confidential;
CREATE INDEX advice_request_public_by_senate ON advice_request (senate, submitted_at DESC, id DESC)
    WHERE triage_decision = 'accept' AND NOT confidential;
CREATE INDEX advice_request_by_area ON advice_request USING gin (area_under_review);

-- What the public log shows of a request, and its public stage: the one place that says which
-- requests are public (accepted, not confidential) and what stage the public sees.
CREATE VIEW public_advice_log AS
SELECT r.id, r.senate, r.title, r.question, r.requesting_organisation, r.sponsor, r.area_under_review, r.kind,
       r.submitted_at, r.triaged_at,
       CASE
           WHEN r.status = 'withdrawn' THEN 'withdrawn'
           WHEN r.status = 'closed' THEN 'closed'
           WHEN p.published_at IS NOT NULL THEN 'published'
           WHEN r.status IN ('issued', 'sponsor-responded') THEN 'report-issued'
           WHEN r.status IN ('draft-report', 'factual-accuracy-check', 'endorsed') THEN 'report-in-preparation'
           WHEN r.status IN ('panel-formed', 'evidence-gathering') THEN 'under-review'
           ELSE 'scoping'
       END AS stage,
       p.published_at, p.published_version,
       (SELECT jsonb_array_length(v.recommendations) FROM report_version v
        WHERE v.advice_request_id = r.id AND v.version_no = p.published_version)::int AS recommendations,
       r.search, p.published_search
FROM advice_request r
LEFT JOIN report p ON p.advice_request_id = r.id
WHERE r.triage_decision = 'accept' AND NOT r.confidential;
