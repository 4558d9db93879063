-- A member makes at most one nil return per round, even when two requests race.
CREATE UNIQUE INDEX declaration_one_nil_return_per_round ON declaration (member_id, round_id) WHERE nil_return;
