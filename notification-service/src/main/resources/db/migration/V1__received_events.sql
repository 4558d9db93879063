-- Events received from the other services (CloudEvents), one row per event id however often the
-- producer delivers it: the relays deliver at least once, this table makes the effect exactly once.
CREATE TABLE received_event (
    event_id        text        PRIMARY KEY,
    -- arrival order: received_at may tie, seq never does; listing is newest first by seq
    seq             bigserial   NOT NULL UNIQUE,
    source          text        NOT NULL,
    type            text        NOT NULL,
    subject         text,
    time            timestamptz,
    datacontenttype text,
    data            jsonb,
    received_at     timestamptz NOT NULL DEFAULT now(),
    deliveries      integer     NOT NULL DEFAULT 1 CHECK (deliveries >= 1)
);
-- listing of one type, newest first
CREATE INDEX received_event_by_type ON received_event (type, seq DESC);
