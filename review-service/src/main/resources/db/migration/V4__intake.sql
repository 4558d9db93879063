-- What a request carries at intake: who asks and who sponsors it, what it covers (these drive the
-- panel's conflict checks), how far the proposal has got, when the advice is needed, and whom to
-- contact (personal data: never in events or lists). Requests stored before this get: an ICB
-- requester (a commissioner, so no sponsor), the requesting organisation as the area under review,
-- no organisations in scope, stage case-for-change, needed three months after submission.
ALTER TABLE advice_request
    ADD COLUMN requesting_organisation_type text NOT NULL DEFAULT 'icb' CHECK (requesting_organisation_type IN
        ('icb', 'nhs-england', 'provider-trust', 'local-authority', 'other')),
    ADD COLUMN sponsor                text CHECK (sponsor ~ '^[A-Z0-9]{3,12}$'),
    ADD COLUMN background             text CHECK (char_length(background) <= 20000),
    ADD COLUMN area_under_review      text[] NOT NULL DEFAULT '{}',
    ADD COLUMN organisations_in_scope text[] NOT NULL DEFAULT '{}',
    ADD COLUMN proposal_stage         text NOT NULL DEFAULT 'case-for-change' CHECK (proposal_stage IN
        ('case-for-change', 'options-appraisal', 'pre-consultation-business-case', 'consultation', 'decision')),
    ADD COLUMN assurance_stage        text CHECK (assurance_stage IN
        ('stage-1-strategic-sense-check', 'stage-2-checkpoint')),
    ADD COLUMN needed_by              date,
    ADD COLUMN short_notice           boolean NOT NULL DEFAULT false,
    ADD COLUMN outcome_domains        text[] NOT NULL DEFAULT '{}',
    ADD COLUMN topic                  text CHECK (char_length(topic) <= 200),
    ADD COLUMN requester_name         text CHECK (char_length(requester_name) BETWEEN 1 AND 200),
    ADD COLUMN requester_email        text CHECK (char_length(requester_email) BETWEEN 3 AND 254);

UPDATE advice_request
SET area_under_review = ARRAY[requesting_organisation],
    needed_by = (submitted_at AT TIME ZONE 'Europe/London')::date + interval '3 months';

ALTER TABLE advice_request
    ALTER COLUMN needed_by SET NOT NULL,
    ALTER COLUMN requesting_organisation_type DROP DEFAULT,
    ALTER COLUMN area_under_review DROP DEFAULT,
    ALTER COLUMN proposal_stage DROP DEFAULT,
    ADD CONSTRAINT advice_request_sponsored CHECK
        (requesting_organisation_type IN ('icb', 'nhs-england') OR sponsor IS NOT NULL),
    ADD CONSTRAINT advice_request_area CHECK (cardinality(area_under_review) BETWEEN 1 AND 50),
    ADD CONSTRAINT advice_request_contact CHECK ((requester_name IS NULL) = (requester_email IS NULL));
