package org.clinicalsenate.review.config;

import java.time.Period;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a senate runs its reviews. */
@ConfigMapping(prefix = "senate.review")
public interface ReviewConfig {

    /** The notice a senate wants for a clinical review; one needed sooner is flagged short notice. */
    @WithDefault("P3M")
    Period clinicalReviewNotice();

    /** A senate's own notice, by senate slug, instead of {@link #clinicalReviewNotice()}. */
    Map<String, Period> clinicalReviewNoticeBySenate();

    default Period clinicalReviewNotice(String senate) {
        return clinicalReviewNoticeBySenate().getOrDefault(senate, clinicalReviewNotice());
    }

    /** The fewest members (not declined) a panel has before it is formed. */
    @WithDefault("5")
    int panelMinimumSize();

    /** A senate's own panel minimum, by senate slug, instead of {@link #panelMinimumSize()}. */
    Map<String, Integer> panelMinimumSizeBySenate();

    default int panelMinimumSize(String senate) {
        return panelMinimumSizeBySenate().getOrDefault(senate, panelMinimumSize());
    }
}
