-- Senates are data, never an enum: a region, the ICBs they cover (ODS codes), when they were
-- active and whom they took over from.
CREATE TABLE senate (
    slug         text        PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name         text        NOT NULL,
    region       text        NOT NULL,
    covered_icbs text[]      NOT NULL DEFAULT '{}',
    active_from  date        NOT NULL,
    active_to    date,
    predecessors text[]      NOT NULL DEFAULT '{}',
    version      bigint      NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT senate_period CHECK (active_to IS NULL OR active_to >= active_from)
);
-- listing is keyset-paginated by slug (the primary key); "active" filters on the period
CREATE INDEX senate_by_period ON senate (active_from, active_to);
