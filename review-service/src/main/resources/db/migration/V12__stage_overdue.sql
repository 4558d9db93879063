-- Each stage found past its due date, once per stage entered: the row is inserted with the event
-- review.stage.overdue in one transaction, and a replica that finds it there sends nothing.
CREATE TABLE stage_overdue (
    advice_request_id uuid        NOT NULL REFERENCES advice_request (id),
    stage             text        NOT NULL,
    entered_at        timestamptz NOT NULL,
    due_on            date        NOT NULL,
    notified_at       timestamptz NOT NULL,
    PRIMARY KEY (advice_request_id, stage, entered_at)
);
