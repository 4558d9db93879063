-- Members, their appointments, their declarations of interest (current state + every version),
-- annual declaration rounds and their reminders, and declarations made at meetings.

-- Per-senate appointment rules (issue: defaults 3-year terms, 2 consecutive terms).
ALTER TABLE senate
    ADD COLUMN max_term_years        integer NOT NULL DEFAULT 3 CHECK (max_term_years BETWEEN 1 AND 10),
    ADD COLUMN max_consecutive_terms integer NOT NULL DEFAULT 2 CHECK (max_consecutive_terms BETWEEN 1 AND 10);

CREATE TABLE member (
    id                  uuid        PRIMARY KEY,
    senate              text        NOT NULL REFERENCES senate (slug),
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    professional_title  text,
    profession          text        NOT NULL CHECK (profession IN ('medicine', 'nursing', 'midwifery',
                            'allied-health', 'pharmacy', 'dentistry', 'healthcare-science', 'public-health',
                            'social-care', 'commissioning-management', 'patient-public-voice', 'other')),
    specialty           text,
    registration_body   text,
    registration_number text,
    employer_ods_code   text        CHECK (employer_ods_code ~ '^[A-Z0-9]{3,12}$'),
    employer_name       text,
    email               text        NOT NULL,
    version             bigint      NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
-- list by senate in name order (keyset on lower(name), id); search by organisation
CREATE INDEX member_by_senate_name ON member (senate, lower(name), id);
CREATE INDEX member_by_name ON member (lower(name), id);
CREATE INDEX member_by_employer ON member (employer_ods_code, lower(name), id);
CREATE INDEX member_by_profession ON member (profession, lower(name), id);

CREATE TABLE appointment (
    id          uuid        PRIMARY KEY,
    member_id   uuid        NOT NULL REFERENCES member (id),
    senate      text        NOT NULL REFERENCES senate (slug),
    body        text        NOT NULL CHECK (body IN ('council', 'assembly', 'expert-pool')),
    role        text        NOT NULL CHECK (role IN ('chair', 'vice-chair', 'member', 'patient-public-member', 'associate')),
    term_start  date        NOT NULL,
    term_end    date        NOT NULL,
    -- approved appointments are "active" between term_start and term_end (derived, not stored)
    status      text        NOT NULL DEFAULT 'nominated'
                            CHECK (status IN ('nominated', 'approved', 'ended', 'resigned', 'not-renewed')),
    nominated_by text       NOT NULL,
    approved_by text,
    approved_at timestamptz,
    ended_on    date,
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT appointment_term CHECK (term_end >= term_start)
);
CREATE INDEX appointment_by_member ON appointment (member_id, senate, body, term_start);
-- council composition and the register: who sits on a senate's body on a day
CREATE INDEX appointment_by_senate_body ON appointment (senate, body, term_start, term_end);
CREATE INDEX appointment_by_term_end ON appointment (senate, term_end);

CREATE TABLE declaration_round (
    id         uuid        PRIMARY KEY,
    senate     text        NOT NULL REFERENCES senate (slug),
    year       integer     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    due_date   date        NOT NULL,
    opened_by  text        NOT NULL,
    opened_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (senate, year)
);

-- The current state of each declaration; every version (including the first) is also kept in
-- declaration_version. Nothing is ever deleted.
CREATE TABLE declaration (
    id                    uuid        PRIMARY KEY,
    member_id             uuid        NOT NULL REFERENCES member (id),
    senate                text        NOT NULL REFERENCES senate (slug),
    round_id              uuid        REFERENCES declaration_round (id),
    nil_return            boolean     NOT NULL DEFAULT false,
    category              text        CHECK (category IN ('financial', 'non-financial-professional',
                              'non-financial-personal', 'indirect')),
    description           text,
    counterparty_ods_code text        CHECK (counterparty_ods_code ~ '^[A-Z0-9]{3,12}$'),
    counterparty_name     text,
    relationship          text,
    interest_start        date,
    interest_end          date,
    declared_at           timestamptz NOT NULL,
    declared_by           text        NOT NULL,
    on_behalf             boolean     NOT NULL DEFAULT false,
    late                  boolean     NOT NULL DEFAULT false,
    -- admin review
    management_action     text        CHECK (management_action IN ('none-required', 'restrict-participation',
                              'exclude-from-relevant-items', 'withhold-papers', 'other')),
    management_action_note text,
    publication           text        NOT NULL DEFAULT 'pending' CHECK (publication IN ('pending', 'published', 'withheld')),
    withheld_reason       text,
    review_note           text,
    reviewed_by           text,
    reviewed_at           timestamptz,
    version               bigint      NOT NULL DEFAULT 0,
    CONSTRAINT declaration_interest_period CHECK (interest_end IS NULL OR interest_start IS NULL OR interest_end >= interest_start),
    CONSTRAINT declaration_nil_or_interest CHECK (nil_return OR (category IS NOT NULL AND description IS NOT NULL)),
    CONSTRAINT declaration_withheld_reason CHECK (publication <> 'withheld' OR withheld_reason IS NOT NULL)
);
CREATE INDEX declaration_by_member ON declaration (member_id, declared_at DESC);
-- conflict checks: a member's interests naming an organisation
CREATE INDEX declaration_by_member_counterparty ON declaration (member_id, counterparty_ods_code);
CREATE INDEX declaration_by_round ON declaration (round_id, member_id);
CREATE INDEX declaration_by_senate_publication ON declaration (senate, publication);

CREATE TABLE declaration_version (
    declaration_id        uuid        NOT NULL REFERENCES declaration (id),
    version_no            integer     NOT NULL,
    nil_return            boolean     NOT NULL,
    category              text,
    description           text,
    counterparty_ods_code text,
    counterparty_name     text,
    relationship          text,
    interest_start        date,
    interest_end          date,
    declared_at           timestamptz NOT NULL,
    declared_by           text        NOT NULL,
    on_behalf             boolean     NOT NULL,
    late                  boolean     NOT NULL,
    PRIMARY KEY (declaration_id, version_no)
);

-- A reminder event is written once per member, round and reminder (kind + offset in days).
CREATE TABLE declaration_reminder (
    round_id    uuid        NOT NULL REFERENCES declaration_round (id),
    member_id   uuid        NOT NULL REFERENCES member (id),
    kind        text        NOT NULL CHECK (kind IN ('due-soon', 'overdue')),
    offset_days integer     NOT NULL,
    sent_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (round_id, member_id, kind, offset_days)
);

-- Declarations made at the start of a meeting (council meeting, panel meeting, site visit).
CREATE TABLE meeting_declaration (
    id             uuid        PRIMARY KEY,
    meeting_ref    text        NOT NULL,
    meeting_kind   text        NOT NULL CHECK (meeting_kind IN ('council-meeting', 'panel-meeting', 'site-visit')),
    senate         text        NOT NULL REFERENCES senate (slug),
    member_id      uuid        NOT NULL REFERENCES member (id),
    declaration_id uuid        REFERENCES declaration (id),
    interest       text        NOT NULL,
    action         text        NOT NULL CHECK (action IN ('none', 'left-room-for-item', 'did-not-receive-papers')),
    agenda_item    text,
    recorded_by    text        NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_declaration_by_meeting ON meeting_declaration (meeting_ref, recorded_at, id);
CREATE INDEX meeting_declaration_by_member ON meeting_declaration (member_id, recorded_at, id);
