package org.clinicalsenate.review.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Where an advice request is in its life (DESIGN.md §1): received, then triaged (accepted,
 * declined or redirected), terms agreed, panel formed, evidence, draft report, factual-accuracy
 * check, endorsement, issue, publication, the sponsor's response, closed. Stored as the contract's
 * value. The transitions between them belong here when the workflow is built.
 */
public enum AdviceRequestStatus {
    RECEIVED("received"),
    ACCEPTED("accepted"),
    DECLINED("declined"),
    REDIRECTED("redirected"),
    TERMS_AGREED("terms-agreed"),
    PANEL_FORMED("panel-formed"),
    EVIDENCE_GATHERING("evidence-gathering"),
    DRAFT_REPORT("draft-report"),
    FACTUAL_ACCURACY_CHECK("factual-accuracy-check"),
    ENDORSED("endorsed"),
    ISSUED("issued"),
    PUBLISHED("published"),
    SPONSOR_RESPONDED("sponsor-responded"),
    CLOSED("closed");

    /** The status every request starts in. */
    public static final AdviceRequestStatus INITIAL = RECEIVED;

    private final String value;

    AdviceRequestStatus(String value) {
        this.value = value;
    }

    /** The contract's (and the database's) value, e.g. {@code terms-agreed}. */
    public String value() {
        return value;
    }

    public static AdviceRequestStatus fromValue(String value) {
        for (AdviceRequestStatus status : values()) {
            if (status.value.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown advice request status '" + value + "'");
    }

    @Converter(autoApply = true)
    public static class DbConverter implements AttributeConverter<AdviceRequestStatus, String> {
        @Override
        public String convertToDatabaseColumn(AdviceRequestStatus status) {
            return status == null ? null : status.value;
        }

        @Override
        public AdviceRequestStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromValue(value);
        }
    }
}
