-- Lists that dashboards keep in sync read what changed since they last asked (updatedSince).
CREATE INDEX advice_request_by_update ON advice_request (updated_at);
