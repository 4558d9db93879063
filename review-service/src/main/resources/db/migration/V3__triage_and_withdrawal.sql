-- Triage (accept, decline, redirect) and withdrawal of advice requests; the status "withdrawn".
ALTER TABLE advice_request DROP CONSTRAINT advice_request_status_check;
ALTER TABLE advice_request ADD CONSTRAINT advice_request_status_check CHECK (status IN
    ('received', 'accepted', 'declined', 'redirected', 'terms-agreed', 'panel-formed', 'evidence-gathering',
     'draft-report', 'factual-accuracy-check', 'endorsed', 'issued', 'published', 'sponsor-responded', 'closed',
     'withdrawn'));

ALTER TABLE advice_request
    ADD COLUMN triage_decision      text CHECK (triage_decision IN ('accept', 'decline', 'redirect')),
    -- membership-service's member id: no foreign key across services
    ADD COLUMN lead_member_id       uuid,
    ADD COLUMN triage_reason        text CHECK (char_length(triage_reason) BETWEEN 1 AND 2000),
    ADD COLUMN redirected_to_senate text CHECK (redirected_to_senate ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    ADD COLUMN redirected_to_body   text CHECK (char_length(redirected_to_body) BETWEEN 1 AND 200),
    ADD COLUMN triaged_by           text,
    ADD COLUMN triaged_at           timestamptz,
    ADD COLUMN withdrawal_reason    text CHECK (char_length(withdrawal_reason) BETWEEN 1 AND 2000),
    ADD COLUMN withdrawn_by         text,
    ADD COLUMN withdrawn_at         timestamptz,
    -- what each decision takes (the service says so first, with a 422 naming the field)
    ADD CONSTRAINT advice_request_triage_recorded CHECK
        ((triage_decision IS NULL) = (triaged_by IS NULL) AND (triage_decision IS NULL) = (triaged_at IS NULL)),
    ADD CONSTRAINT advice_request_triage_fits CHECK (
        triage_decision IS NULL
        OR (triage_decision = 'accept' AND lead_member_id IS NOT NULL AND triage_reason IS NULL
            AND redirected_to_senate IS NULL AND redirected_to_body IS NULL)
        OR (triage_decision = 'decline' AND lead_member_id IS NULL AND triage_reason IS NOT NULL
            AND redirected_to_senate IS NULL AND redirected_to_body IS NULL)
        OR (triage_decision = 'redirect' AND lead_member_id IS NULL AND triage_reason IS NOT NULL
            AND (redirected_to_senate IS NULL) <> (redirected_to_body IS NULL))),
    ADD CONSTRAINT advice_request_withdrawal_recorded CHECK
        ((status = 'withdrawn') = (withdrawn_at IS NOT NULL)
         AND (withdrawn_at IS NULL) = (withdrawn_by IS NULL)
         AND (withdrawn_at IS NULL) = (withdrawal_reason IS NULL));
