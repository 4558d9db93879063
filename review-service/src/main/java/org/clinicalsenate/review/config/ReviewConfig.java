package org.clinicalsenate.review.config;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
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

    /** The working days a sponsor has to comment on a draft's factual accuracy. */
    @WithDefault("10")
    int factualAccuracyWorkingDays();

    /** A senate's own factual-accuracy period, by senate slug, instead of {@link #factualAccuracyWorkingDays()}. */
    Map<String, Integer> factualAccuracyWorkingDaysBySenate();

    default int factualAccuracyWorkingDays(String senate) {
        return factualAccuracyWorkingDaysBySenate().getOrDefault(senate, factualAccuracyWorkingDays());
    }

    /**
     * The working days after a due date in which the senate still accepts the sponsor's comments
     * (marked late); not shown to the sponsor, so the published due date does not move.
     */
    @WithDefault("5")
    int graceWorkingDays();

    /** A senate's own grace period, by senate slug, instead of {@link #graceWorkingDays()}. */
    Map<String, Integer> graceWorkingDaysBySenate();

    default int graceWorkingDays(String senate) {
        return graceWorkingDaysBySenate().getOrDefault(senate, graceWorkingDays());
    }

    /** England and Wales bank holidays (not working days), as the government announces them. */
    List<LocalDate> bankHolidays();

    /** The working days each stage (a status, as the contract's value) takes when nothing else sets its due date. */
    Map<String, Integer> stageWorkingDays();

    /** A senate's own stage durations, by senate slug then stage, instead of {@link #stageWorkingDays()}. */
    Map<String, Map<String, Integer>> stageWorkingDaysBySenate();

    default int stageWorkingDays(String senate, String stage) {
        Integer own = stageWorkingDaysBySenate().getOrDefault(senate, Map.of()).get(stage);
        return own != null ? own : stageWorkingDays().getOrDefault(stage, 20);
    }

    /** How often the scheduled check looks for stages past their due date. */
    @WithDefault("15m")
    String overdueCheckEvery();

    /** Whether the scheduled check runs (off in tests, which run it themselves). */
    @WithDefault("true")
    boolean overdueCheckEnabled();
}
