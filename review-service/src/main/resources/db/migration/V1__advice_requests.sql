-- Requests for a senate's advice. Kind and status hold the contract's values (kebab-case).
-- senate is a slug and requesting_organisation an ODS code owned by membership-service: no
-- foreign keys across services.
CREATE TABLE advice_request (
    id                      uuid        PRIMARY KEY,
    senate                  text        NOT NULL CHECK (senate ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    requesting_organisation text        NOT NULL CHECK (requesting_organisation ~ '^[A-Z0-9]{3,12}$'),
    kind                    text        NOT NULL CHECK (kind IN
                                ('early-advice', 'clinical-review', 'informal-advice', 'proactive-review')),
    title                   text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    question                text        NOT NULL CHECK (char_length(question) BETWEEN 1 AND 10000),
    status                  text        NOT NULL DEFAULT 'received' CHECK (status IN
                                ('received', 'accepted', 'declined', 'redirected', 'terms-agreed', 'panel-formed',
                                 'evidence-gathering', 'draft-report', 'factual-accuracy-check', 'endorsed',
                                 'issued', 'published', 'sponsor-responded', 'closed')),
    submitted_by            text        NOT NULL,
    submitted_at            timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    version                 bigint      NOT NULL DEFAULT 0
);

-- Lists are keyset-paginated newest first by (submitted_at DESC, id DESC): one index per access
-- path, so each page is an index range scan. Unfiltered (platform-admin, assurance-viewer):
CREATE INDEX advice_request_newest ON advice_request (submitted_at DESC, id DESC);
-- a senate's requests (senate filter; senate-admins and chairs see their senates'):
CREATE INDEX advice_request_by_senate ON advice_request (senate, submitted_at DESC, id DESC);
-- an organisation's requests (requesters see their own organisation's):
CREATE INDEX advice_request_by_organisation ON advice_request (requesting_organisation, submitted_at DESC, id DESC);
-- the status filter (e.g. everything still "received", waiting for triage):
CREATE INDEX advice_request_by_status ON advice_request (status, submitted_at DESC, id DESC);
