-- The panel's report: versions (never edited; a change is a new version), each with its numbered
-- recommendations and the panel's assessment of the service-change tests (jsonb: written once with
-- their version, read with it, and unnested in SQL by the statistics).
CREATE TABLE report_version (
    id                uuid        PRIMARY KEY,
    advice_request_id uuid        NOT NULL REFERENCES advice_request (id),
    version_no        int         NOT NULL,
    executive_summary text        NOT NULL,
    background        text        NOT NULL,
    method            text        NOT NULL,
    findings          text        NOT NULL,
    recommendations   jsonb       NOT NULL,
    test_assessments  jsonb       NOT NULL,
    drafted_by        text        NOT NULL,
    drafted_at        timestamptz NOT NULL,
    CONSTRAINT report_version_once UNIQUE (advice_request_id, version_no)
);

-- The report's life after its first draft, one row per request: each step's record, once made.
CREATE TABLE report (
    advice_request_id      uuid        PRIMARY KEY REFERENCES advice_request (id),
    latest_version         int         NOT NULL,
    fa_version             int,
    fa_sent_by             text,
    fa_sent_at             timestamptz,
    fa_sent_on             date,
    fa_due_on              date,
    endorsement_decision   text,
    endorsement_meeting_on date,
    endorsement_note       text,
    endorsement_version    int,
    endorsement_by         text,
    endorsement_at         timestamptz,
    issued_version         int,
    issued_on              date,
    issued_by              text,
    consent_decision       text,
    consent_given_by       text,
    consent_given_on       date,
    consent_recorded_by    text,
    consent_recorded_at    timestamptz,
    published_version      int,
    published_by           text,
    published_at           timestamptz,
    responses              jsonb,
    responded_by           text,
    responded_at           timestamptz,
    closed_by              text,
    closed_at              timestamptz,
    closed_from            text,
    closure_note           text,
    reopened_by            text,
    reopened_at            timestamptz,
    reopen_reason          text,
    version                bigint      NOT NULL DEFAULT 0
);

-- The sponsor's factual-accuracy comments on a version sent to it, and the panel's answers.
CREATE TABLE factual_accuracy_comment (
    id                uuid        PRIMARY KEY,
    advice_request_id uuid        NOT NULL REFERENCES advice_request (id),
    version_no        int         NOT NULL,
    section           text,
    recommendation_no int,
    comment           text        NOT NULL,
    late              boolean     NOT NULL,
    made_by           text        NOT NULL,
    made_at           timestamptz NOT NULL,
    answer_outcome    text,
    answer_change     text,
    answer_reason     text,
    answered_by       text,
    answered_at       timestamptz,
    CONSTRAINT factual_accuracy_comment_on_one CHECK ((section IS NULL) <> (recommendation_no IS NULL))
);
CREATE INDEX factual_accuracy_comment_by_request ON factual_accuracy_comment (advice_request_id, made_at, id);
