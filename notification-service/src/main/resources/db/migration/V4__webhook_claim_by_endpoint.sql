-- Throughput of delivery: every message is written three times (made, claimed, attempted), so each
-- index of webhook_message (and webhook_attempt) costs on every delivery.

-- The workers claim due messages endpoint by endpoint (so that a full endpoint's backlog is never
-- read): the endpoints with pending messages, and each one's due messages, oldest due first, come
-- from one index. It also serves disabling an endpoint (its pending messages fail), and replaces
-- both indexes that did these jobs before.
CREATE INDEX webhook_message_pending_by_endpoint_due ON webhook_message (endpoint_id, next_attempt_at)
    WHERE status = 'pending';
DROP INDEX webhook_message_pending_by_endpoint;
DROP INDEX webhook_message_due;

-- seq orders messages and attempts within an endpoint's lists only, by the lists' own indexes; a
-- sequence needs no unique index to be unique.
ALTER TABLE webhook_message DROP CONSTRAINT webhook_message_seq_key;
ALTER TABLE webhook_attempt DROP CONSTRAINT webhook_attempt_seq_key;
