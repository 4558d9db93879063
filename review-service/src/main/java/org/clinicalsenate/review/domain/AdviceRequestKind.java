package org.clinicalsenate.review.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** What kind of advice is asked for (DESIGN.md §1); stored as the contract's value. */
public enum AdviceRequestKind {
    /** "Read and review" by a council group. */
    EARLY_ADVICE("early-advice"),
    /** An Expert Review Panel, usually before NHS England's Stage 2 assurance. */
    CLINICAL_REVIEW("clinical-review"),
    INFORMAL_ADVICE("informal-advice"),
    /** Started by the council itself (inequalities, workforce...). */
    PROACTIVE_REVIEW("proactive-review");

    private final String value;

    AdviceRequestKind(String value) {
        this.value = value;
    }

    /** The contract's (and the database's) value, e.g. {@code clinical-review}. */
    public String value() {
        return value;
    }

    public static AdviceRequestKind fromValue(String value) {
        for (AdviceRequestKind kind : values()) {
            if (kind.value.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown advice request kind '" + value + "'");
    }

    @Converter(autoApply = true)
    public static class DbConverter implements AttributeConverter<AdviceRequestKind, String> {
        @Override
        public String convertToDatabaseColumn(AdviceRequestKind kind) {
            return kind == null ? null : kind.value;
        }

        @Override
        public AdviceRequestKind convertToEntityAttribute(String value) {
            return value == null ? null : fromValue(value);
        }
    }
}
