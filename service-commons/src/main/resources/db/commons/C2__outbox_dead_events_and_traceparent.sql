-- Outbox events carry the W3C traceparent of the request that caused them; an event that keeps
-- failing is marked dead (no longer retried, nor holding back its aggregate's later events) until
-- a platform-admin re-queues it.
ALTER TABLE outbox_event
    ADD COLUMN traceparent text,
    ADD COLUMN dead_at     timestamptz;
DROP INDEX outbox_event_due;
DROP INDEX outbox_event_pending_by_aggregate;
CREATE INDEX outbox_event_due ON outbox_event (next_attempt_at, seq) WHERE delivered_at IS NULL AND dead_at IS NULL;
CREATE INDEX outbox_event_pending_by_aggregate ON outbox_event (aggregate_id, seq)
    WHERE delivered_at IS NULL AND dead_at IS NULL;
CREATE INDEX outbox_event_dead ON outbox_event (seq) WHERE dead_at IS NOT NULL AND delivered_at IS NULL;
