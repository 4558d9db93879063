package org.clinicalsenate.review.domain;

import jakarta.persistence.Converter;

import org.clinicalsenate.commons.domain.KebabCase;

/**
 * Where an advice request is in its life (docs/architecture.md §1): received, then triaged (accepted,
 * declined or redirected), terms agreed, panel formed, evidence, draft report, factual-accuracy
 * check, endorsement, issue, publication, the sponsor's response, closed. Stored as the contract's
 * value. The transitions between them belong here when the workflow is built.
 */
public enum AdviceRequestStatus implements KebabCase {
    RECEIVED,
    ACCEPTED,
    DECLINED,
    REDIRECTED,
    TERMS_AGREED,
    PANEL_FORMED,
    EVIDENCE_GATHERING,
    DRAFT_REPORT,
    FACTUAL_ACCURACY_CHECK,
    ENDORSED,
    ISSUED,
    PUBLISHED,
    SPONSOR_RESPONDED,
    CLOSED;

    /** The status every request starts in. */
    public static final AdviceRequestStatus INITIAL = RECEIVED;

    @Converter(autoApply = true)
    public static class Db extends KebabCase.ColumnConverter<AdviceRequestStatus> {
        public Db() {
            super(AdviceRequestStatus.class);
        }
    }
}
