-- The audit log read since a time (GET /audit-entries?since=), as dashboards that sync do.
CREATE INDEX audit_log_by_time ON audit_log (occurred_at, id);
