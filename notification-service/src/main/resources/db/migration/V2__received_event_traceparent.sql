-- The W3C traceparent of the request that caused the event, so that a trace can follow a change
-- into its notifications.
ALTER TABLE received_event ADD COLUMN traceparent text;
