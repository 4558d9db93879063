-- The evidence a review received (where each document is held and its digest: the platform does not
-- hold the documents), and the panel's requests for information to the sponsor with their answers.
CREATE TABLE evidence (
    id                uuid        PRIMARY KEY,
    advice_request_id uuid        NOT NULL REFERENCES advice_request (id),
    title             text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
    kind              text        NOT NULL,
    provided_by       text        NOT NULL CHECK (provided_by ~ '^[A-Z0-9]{3,12}$'),
    provided_on       date        NOT NULL,
    link              text        NOT NULL CHECK (link ~ '^https://' AND char_length(link) <= 2000),
    sha256            text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    added_by          text        NOT NULL,
    added_at          timestamptz NOT NULL
);
CREATE INDEX evidence_by_request ON evidence (advice_request_id, added_at, id);

CREATE TABLE information_request (
    id                uuid        PRIMARY KEY,
    advice_request_id uuid        NOT NULL REFERENCES advice_request (id),
    question          text        NOT NULL CHECK (char_length(question) BETWEEN 1 AND 4000),
    due_by            date        NOT NULL,
    asked_by          text        NOT NULL,
    asked_at          timestamptz NOT NULL,
    answer_text       text        CHECK (char_length(answer_text) BETWEEN 1 AND 20000),
    answer_evidence   uuid[]      NOT NULL DEFAULT '{}',
    answered_by       text,
    answered_at       timestamptz,
    version           bigint      NOT NULL DEFAULT 0,
    CONSTRAINT information_request_answered CHECK ((answer_text IS NULL) = (answered_at IS NULL)
        AND (answered_by IS NULL) = (answered_at IS NULL))
);
CREATE INDEX information_request_by_request ON information_request (advice_request_id, asked_at, id);
