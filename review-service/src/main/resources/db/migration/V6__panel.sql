-- The panel of a request: members drawn from membership-service (ids, and what the panel shows of
-- them when they were added), each with the conflict check's answer and any chair's override.
CREATE TABLE panel_member (
    id                     uuid        PRIMARY KEY,
    advice_request_id      uuid        NOT NULL REFERENCES advice_request (id),
    member_id              uuid        NOT NULL,
    name                   text        NOT NULL,
    professional_title     text,
    profession             text        NOT NULL,
    senate                 text        NOT NULL,
    role                   text        NOT NULL CHECK (role IN ('chair', 'member')),
    invitation             text        NOT NULL CHECK (invitation IN ('invited', 'accepted', 'declined')),
    clearance_outcome      text        NOT NULL,
    clearance_reasons      jsonb       NOT NULL DEFAULT '[]'::jsonb,
    checked_at             timestamptz NOT NULL,
    override_justification text        CHECK (char_length(override_justification) BETWEEN 1 AND 4000),
    overridden_by          text,
    overridden_at          timestamptz,
    added_by               text        NOT NULL,
    added_at               timestamptz NOT NULL,
    version                bigint      NOT NULL DEFAULT 0,
    UNIQUE (advice_request_id, member_id),
    CONSTRAINT panel_member_override CHECK ((override_justification IS NULL) = (overridden_by IS NULL)
        AND (overridden_by IS NULL) = (overridden_at IS NULL)),
    CONSTRAINT panel_member_cleared CHECK (clearance_outcome = 'CLEAR' OR override_justification IS NOT NULL)
);
-- one chair per panel (a declined chair leaves the seat free)
CREATE UNIQUE INDEX panel_member_one_chair ON panel_member (advice_request_id)
    WHERE role = 'chair' AND invitation <> 'declined';
-- the panels a member is on
CREATE INDEX panel_member_by_member ON panel_member (member_id);
