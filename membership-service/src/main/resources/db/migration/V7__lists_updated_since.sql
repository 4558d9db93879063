-- Lists that dashboards keep in sync read what changed since they last asked (updatedSince).
CREATE INDEX senate_by_update ON senate (updated_at);
CREATE INDEX member_by_update ON member (updated_at);
