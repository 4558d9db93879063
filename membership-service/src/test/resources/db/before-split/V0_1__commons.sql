-- Tables every service has, owned by service-commons: the audit log, the outbox, idempotency keys.

CREATE TABLE audit_log (
    id          bigserial   PRIMARY KEY,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    entity_type text        NOT NULL,
    entity_id   text        NOT NULL,
    senate      text,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    changes     jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_by_entity ON audit_log (entity_type, entity_id, id DESC);
CREATE INDEX audit_log_by_senate ON audit_log (senate, id DESC);

-- The audit log is append-only: the database itself refuses to change or remove an entry.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

-- Events written in the same transaction as the change, relayed to notification-service.
CREATE TABLE outbox_event (
    seq             bigserial   PRIMARY KEY,
    id              uuid        NOT NULL UNIQUE,
    type            text        NOT NULL,
    source          text        NOT NULL,
    subject         text,
    aggregate_id    text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    data            jsonb       NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    delivered_at    timestamptz
);
-- the relay's two questions: what is due, and is an older event of the same aggregate still pending
CREATE INDEX outbox_event_due ON outbox_event (next_attempt_at, seq) WHERE delivered_at IS NULL;
CREATE INDEX outbox_event_pending_by_aggregate ON outbox_event (aggregate_id, seq) WHERE delivered_at IS NULL;

-- Idempotency-Key records: the first response to a key, replayed to retries.
CREATE TABLE idempotency_record (
    principal       text        NOT NULL,
    operation       text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    completed       boolean     NOT NULL DEFAULT false,
    status          integer,
    body            text,
    location        text,
    etag            text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, operation, idempotency_key)
);
CREATE INDEX idempotency_record_by_age ON idempotency_record (created_at);
