-- What the members, appointments, declarations, register and conflict-check API needs beyond V3.

-- The council's seats, against which composition counts vacancies.
ALTER TABLE senate
    ADD COLUMN council_seats integer NOT NULL DEFAULT 20 CHECK (council_seats BETWEEN 1 AND 100);

-- The ICB whose area the employer sits in: "nobody reviews their own trust or ICB".
ALTER TABLE member
    ADD COLUMN employer_icb text CHECK (employer_icb ~ '^[A-Z0-9]{3,12}$');

-- How an approved appointment ended: ended_on (V3) is the last day of service.
ALTER TABLE appointment
    ADD COLUMN end_reason text,
    ADD COLUMN ended_by   text,
    ADD COLUMN ended_at   timestamptz,
    ADD CONSTRAINT appointment_ending CHECK (
        (status IN ('nominated', 'approved')) = (ended_on IS NULL)
        AND (ended_on IS NULL OR ended_on BETWEEN term_start AND term_end));
-- a member's appointments, latest term first (keyset on term_start, id)
CREATE INDEX appointment_by_member_latest ON appointment (member_id, term_start DESC, id DESC);

-- When the interest was first declared (lateness is measured from it) and the current version.
ALTER TABLE declaration
    ADD COLUMN first_declared_at timestamptz,
    ADD COLUMN version_no        integer NOT NULL DEFAULT 1 CHECK (version_no >= 1);
UPDATE declaration SET first_declared_at = declared_at;
ALTER TABLE declaration ALTER COLUMN first_declared_at SET NOT NULL;
-- a member's declarations, most recently declared first (keyset on declared_at, id)
DROP INDEX declaration_by_member;
CREATE INDEX declaration_by_member ON declaration (member_id, declared_at DESC, id DESC);

-- "the senate's current round" is its round of the latest year: the UNIQUE (senate, year) index of
-- V3 serves that lookup.
