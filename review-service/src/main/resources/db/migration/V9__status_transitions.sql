-- Every change of a request's status and when it happened: what stage durations, "in this status
-- since" and the assurance statistics are computed from. Recorded by the database itself, so that no
-- change of status can be made without it; the time is the change's own (updated_at, set by the
-- service's clock), the first status's the submission's.
CREATE TABLE advice_request_transition (
    id                bigserial   PRIMARY KEY,
    advice_request_id uuid        NOT NULL REFERENCES advice_request (id),
    from_status       text,
    to_status         text        NOT NULL,
    at                timestamptz NOT NULL
);
CREATE INDEX advice_request_transition_by_request ON advice_request_transition (advice_request_id, at, id);
CREATE INDEX advice_request_transition_by_status ON advice_request_transition (to_status, at);

-- what is known of the requests stored before: their submission, their triage, and their status now
INSERT INTO advice_request_transition (advice_request_id, from_status, to_status, at)
SELECT id, NULL, 'received', submitted_at FROM advice_request;
INSERT INTO advice_request_transition (advice_request_id, from_status, to_status, at)
SELECT id, 'received', CASE triage_decision WHEN 'accept' THEN 'accepted' WHEN 'decline' THEN 'declined'
    ELSE 'redirected' END, triaged_at
FROM advice_request WHERE triaged_at IS NOT NULL;
INSERT INTO advice_request_transition (advice_request_id, from_status, to_status, at)
SELECT id, NULL, status, updated_at FROM advice_request
WHERE status NOT IN ('received', 'accepted', 'declined', 'redirected');

CREATE FUNCTION advice_request_record_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO advice_request_transition (advice_request_id, from_status, to_status, at)
        VALUES (NEW.id, NULL, NEW.status, NEW.submitted_at);
    ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
        INSERT INTO advice_request_transition (advice_request_id, from_status, to_status, at)
        VALUES (NEW.id, OLD.status, NEW.status, NEW.updated_at);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER advice_request_transition AFTER INSERT OR UPDATE OF status ON advice_request
    FOR EACH ROW EXECUTE FUNCTION advice_request_record_transition();

-- the progress view shows since when each request is in its status
CREATE OR REPLACE VIEW review_progress AS
SELECT r.id, r.senate, r.kind, r.status, r.short_notice, r.needed_by, r.submitted_at, r.triaged_at, r.updated_at,
       (SELECT max(t.signed_off_at) FROM terms_of_reference t WHERE t.advice_request_id = r.id) AS terms_signed_off_at,
       (SELECT count(*) FROM panel_member p WHERE p.advice_request_id = r.id AND p.invitation <> 'declined')::int
           AS panel_members,
       (SELECT count(*) FROM meeting m WHERE m.advice_request_id = r.id AND m.status = 'held')::int AS meetings_held,
       (SELECT count(*) FROM evidence e WHERE e.advice_request_id = r.id)::int AS evidence_items,
       (SELECT count(*) FROM information_request q WHERE q.advice_request_id = r.id AND q.answered_at IS NULL)::int
           AS information_requests_open,
       (SELECT max(s.at) FROM advice_request_transition s WHERE s.advice_request_id = r.id) AS status_since
FROM advice_request r;
