-- A nomination that will not be approved is withdrawn (who, when, why): it then no longer counts
-- against the senate's appointment rules.
ALTER TABLE appointment
    ADD COLUMN withdrawn_by      text,
    ADD COLUMN withdrawn_at      timestamptz,
    ADD COLUMN withdrawal_reason text,
    DROP CONSTRAINT appointment_status_check,
    ADD CONSTRAINT appointment_status_check
        CHECK (status IN ('nominated', 'approved', 'ended', 'resigned', 'not-renewed', 'withdrawn')),
    DROP CONSTRAINT appointment_ending,
    ADD CONSTRAINT appointment_ending CHECK (
        (status IN ('nominated', 'approved', 'withdrawn')) = (ended_on IS NULL)
        AND (ended_on IS NULL OR ended_on BETWEEN term_start AND term_end)),
    ADD CONSTRAINT appointment_withdrawal CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL));
