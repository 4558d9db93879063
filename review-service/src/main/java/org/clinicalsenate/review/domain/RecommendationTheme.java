package org.clinicalsenate.review.domain;

import org.clinicalsenate.commons.domain.KebabCase;

/** What a recommendation is about; the statistics count recommendations by theme. The contract's values. */
public enum RecommendationTheme implements KebabCase {
    CLINICAL_MODEL, WORKFORCE, PATIENT_PATHWAYS, PATIENT_AND_PUBLIC_ENGAGEMENT, ESTATES, DIGITAL, FINANCE, OTHER
}
