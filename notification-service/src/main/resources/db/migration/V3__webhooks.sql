-- Webhook endpoints (Standard Webhooks): an integrator's subscription, owned by the subject of the
-- token that registered it. What the owner may see is kept with the endpoint (a snapshot of the
-- roles and scope claims of the last token that saved it), so that fan-out is one statement.
CREATE TABLE webhook_endpoint (
    id                          uuid        PRIMARY KEY,
    -- registration order: listing is oldest first by seq
    seq                         bigserial   NOT NULL UNIQUE,
    owner                       text        NOT NULL,
    -- what the owner may see: platform-admin (everything), assurance-viewer (review events of
    -- every senate), senate-admin/chair (their senates' events), requester (its organisation's
    -- review events)
    sees_all                    boolean     NOT NULL,
    sees_all_reviews            boolean     NOT NULL,
    owner_senates               text[]      NOT NULL,
    owner_organisation          text,
    url                         text        NOT NULL,
    description                 text,
    -- what the endpoint wants: empty means every type / every senate the owner may see
    event_types                 text[]      NOT NULL,
    senates                     text[]      NOT NULL,
    enabled                     boolean     NOT NULL,
    disabled_reason             text        CHECK (disabled_reason IN ('manual', 'gone', 'failing')),
    disabled_at                 timestamptz,
    -- the first failure since the last success; reset by a success
    failing_since               timestamptz,
    -- whsec_<base64>; after a rotation the previous secret signs too until it expires
    secret                      text        NOT NULL,
    previous_secret             text,
    previous_secret_expires_at  timestamptz,
    created_at                  timestamptz NOT NULL,
    updated_at                  timestamptz NOT NULL,
    version                     bigint      NOT NULL,
    CHECK (enabled = (disabled_reason IS NULL))
);
-- an owner's endpoints, in registration order
CREATE INDEX webhook_endpoint_by_owner ON webhook_endpoint (owner, seq);
-- fan-out reads the enabled endpoints only
CREATE INDEX webhook_endpoint_enabled ON webhook_endpoint (seq) WHERE enabled;

-- The organisation whose request an advice request is, learnt from the events that carry it, so
-- that the later events of the request (which carry only its id) reach the requester's endpoints.
CREATE TABLE advice_request_scope (
    advice_request_id  uuid PRIMARY KEY,
    organisation       text NOT NULL
);

-- One message per event and endpoint (and per test message): its webhook-id is msg_<id without
-- dashes>, the same on every attempt. The payload is the body exactly as signed.
CREATE TABLE webhook_message (
    id               uuid        PRIMARY KEY,
    seq              bigserial   NOT NULL UNIQUE,
    endpoint_id      uuid        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id         text        REFERENCES received_event (event_id) ON DELETE CASCADE,
    event_type       text        NOT NULL,
    payload          text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    -- every attempt made; and the attempts since it was last queued, which pick the next delay
    attempts         integer     NOT NULL DEFAULT 0,
    scheduled        integer     NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    -- when pending: when the next attempt is due (a claimed message is leased: due again if its
    -- worker dies before recording the attempt)
    next_attempt_at  timestamptz,
    last_attempt_at  timestamptz,
    succeeded_at     timestamptz,
    UNIQUE (endpoint_id, event_id),
    CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
);
-- the workers' queue: due pending messages, oldest due first
CREATE INDEX webhook_message_due ON webhook_message (next_attempt_at) WHERE status = 'pending';
-- an endpoint's messages newest first (and since a time); its failed ones (list filter, recovery)
CREATE INDEX webhook_message_by_endpoint ON webhook_message (endpoint_id, created_at, seq);
CREATE INDEX webhook_message_failed_by_endpoint ON webhook_message (endpoint_id, created_at, seq)
    WHERE status = 'failed';
-- disabling an endpoint fails its pending messages
CREATE INDEX webhook_message_pending_by_endpoint ON webhook_message (endpoint_id) WHERE status = 'pending';

-- Every attempt to deliver a message: what the receiver answered (the first 1 KB) or the error.
CREATE TABLE webhook_attempt (
    id            uuid        PRIMARY KEY,
    seq           bigserial   NOT NULL UNIQUE,
    message_id    uuid        NOT NULL REFERENCES webhook_message (id) ON DELETE CASCADE,
    endpoint_id   uuid        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    attempted_at  timestamptz NOT NULL,
    succeeded     boolean     NOT NULL,
    status_code   integer,
    duration_ms   integer     NOT NULL CHECK (duration_ms >= 0),
    response      text        CHECK (length(response) <= 1024),
    error         text
);
-- an endpoint's attempts newest first (and since a time); its failed ones; one message's
CREATE INDEX webhook_attempt_by_endpoint ON webhook_attempt (endpoint_id, attempted_at, seq);
CREATE INDEX webhook_attempt_failed_by_endpoint ON webhook_attempt (endpoint_id, attempted_at, seq)
    WHERE NOT succeeded;
CREATE INDEX webhook_attempt_by_message ON webhook_attempt (message_id, attempted_at, seq);
