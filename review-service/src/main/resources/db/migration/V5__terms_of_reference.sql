-- The terms of reference of an accepted request: every change is a new version, never an update
-- of the text; a version is agreed by the sponsor, then signed off by the council.
CREATE TABLE terms_of_reference (
    id                   uuid        PRIMARY KEY,
    advice_request_id    uuid        NOT NULL REFERENCES advice_request (id),
    version_no           integer     NOT NULL CHECK (version_no >= 1),
    scope                text        NOT NULL CHECK (char_length(scope) BETWEEN 1 AND 10000),
    questions            text[]      NOT NULL CHECK (cardinality(questions) BETWEEN 1 AND 30),
    out_of_scope         text        CHECK (char_length(out_of_scope) <= 10000),
    methods              text[]      NOT NULL CHECK (cardinality(methods) >= 1),
    service_change_tests text[]      NOT NULL,
    beds_close           boolean     NOT NULL,
    panel_dates          date[]      NOT NULL,
    draft_report_by      date,
    final_report_by      date,
    confidentiality      text        CHECK (char_length(confidentiality) <= 4000),
    drafted_by           text        NOT NULL,
    drafted_at           timestamptz NOT NULL,
    agreed_by            text,
    agreed_at            timestamptz,
    signed_off_by        text,
    signed_off_at        timestamptz,
    council_meeting_date date,
    UNIQUE (advice_request_id, version_no),
    CONSTRAINT terms_of_reference_report_dates CHECK (final_report_by >= draft_report_by),
    CONSTRAINT terms_of_reference_agreed CHECK ((agreed_by IS NULL) = (agreed_at IS NULL)),
    CONSTRAINT terms_of_reference_signed_off CHECK ((signed_off_by IS NULL) = (signed_off_at IS NULL)
        AND (signed_off_at IS NULL OR agreed_at IS NOT NULL))
);
