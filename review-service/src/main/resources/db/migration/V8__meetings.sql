-- The panel's meetings, site visits and interviews; each panel member's clearance for a meeting (the
-- conflict check run again before it), a chair's override of a bar, attendance; and the
-- declarations made at its start (recorded first in membership-service, under the meeting's id).
CREATE TABLE meeting (
    id                uuid        PRIMARY KEY,
    advice_request_id uuid        NOT NULL REFERENCES advice_request (id),
    kind              text        NOT NULL CHECK (kind IN ('panel-meeting', 'site-visit', 'interview')),
    starts_at         timestamptz NOT NULL,
    place             text        NOT NULL CHECK (char_length(place) BETWEEN 1 AND 300),
    site_ods_code     text        CHECK (site_ods_code ~ '^[A-Z0-9]{3,12}$'),
    agenda            text[]      NOT NULL CHECK (cardinality(agenda) BETWEEN 1 AND 50),
    status            text        NOT NULL CHECK (status IN ('scheduled', 'held')),
    scheduled_by      text        NOT NULL,
    scheduled_at      timestamptz NOT NULL,
    held_at           timestamptz,
    version           bigint      NOT NULL DEFAULT 0,
    CONSTRAINT meeting_site CHECK (kind <> 'site-visit' OR site_ods_code IS NOT NULL),
    CONSTRAINT meeting_held CHECK ((status = 'held') = (held_at IS NOT NULL))
);
CREATE INDEX meeting_by_request ON meeting (advice_request_id, starts_at, id);

CREATE TABLE meeting_participant (
    id                     uuid        PRIMARY KEY,
    meeting_id             uuid        NOT NULL REFERENCES meeting (id),
    member_id              uuid        NOT NULL,
    name                   text        NOT NULL,
    role                   text        NOT NULL CHECK (role IN ('chair', 'member')),
    clearance_outcome      text        NOT NULL,
    clearance_reasons      jsonb       NOT NULL DEFAULT '[]'::jsonb,
    checked_at             timestamptz NOT NULL,
    override_justification text        CHECK (char_length(override_justification) BETWEEN 1 AND 4000),
    overridden_by          text,
    overridden_at          timestamptz,
    -- the reasons (messages) the override answered: a later check with other reasons bars again
    override_covers        text[]      NOT NULL DEFAULT '{}',
    barred                 boolean     NOT NULL,
    attendance             text        NOT NULL CHECK (attendance IN ('expected', 'attended', 'absent', 'apologies')),
    attendance_recorded_by text,
    attendance_recorded_at timestamptz,
    UNIQUE (meeting_id, member_id),
    CONSTRAINT meeting_participant_override CHECK ((override_justification IS NULL) = (overridden_by IS NULL)
        AND (overridden_by IS NULL) = (overridden_at IS NULL)),
    CONSTRAINT meeting_participant_barred_absent CHECK (NOT (barred AND attendance = 'attended'))
);

CREATE TABLE meeting_declaration (
    id             uuid        PRIMARY KEY,
    meeting_id     uuid        NOT NULL REFERENCES meeting (id),
    member_id      uuid        NOT NULL,
    interest       text        NOT NULL CHECK (char_length(interest) BETWEEN 1 AND 2000),
    declaration_id uuid,
    action         text        NOT NULL,
    agenda_item    text        CHECK (char_length(agenda_item) <= 200),
    recorded_by    text        NOT NULL,
    recorded_at    timestamptz NOT NULL
);
CREATE INDEX meeting_declaration_by_meeting ON meeting_declaration (meeting_id, recorded_at, id);

-- a requester sees the requests it sponsors too: the lists filter on sponsor as on the requester
CREATE INDEX advice_request_by_sponsor ON advice_request (sponsor, submitted_at DESC, id DESC);

-- Where each request stands, without its content (assurance): status, dates and counts. The counts
-- are correlated subqueries, evaluated only for the rows of a page, each by an index (the panel's by
-- its unique (advice_request_id, member_id)).
CREATE INDEX meeting_held_by_request ON meeting (advice_request_id) WHERE status = 'held';
CREATE INDEX information_request_open ON information_request (advice_request_id) WHERE answered_at IS NULL;
CREATE VIEW review_progress AS
SELECT r.id, r.senate, r.kind, r.status, r.short_notice, r.needed_by, r.submitted_at, r.triaged_at, r.updated_at,
       (SELECT max(t.signed_off_at) FROM terms_of_reference t WHERE t.advice_request_id = r.id) AS terms_signed_off_at,
       (SELECT count(*) FROM panel_member p WHERE p.advice_request_id = r.id AND p.invitation <> 'declined')::int
           AS panel_members,
       (SELECT count(*) FROM meeting m WHERE m.advice_request_id = r.id AND m.status = 'held')::int AS meetings_held,
       (SELECT count(*) FROM evidence e WHERE e.advice_request_id = r.id)::int AS evidence_items,
       (SELECT count(*) FROM information_request q WHERE q.advice_request_id = r.id AND q.answered_at IS NULL)::int
           AS information_requests_open
FROM advice_request r;
