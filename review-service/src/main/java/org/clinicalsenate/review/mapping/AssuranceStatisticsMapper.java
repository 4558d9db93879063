package org.clinicalsenate.review.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.clinicalsenate.api.review.model.AdviceRequestKind;
import org.clinicalsenate.api.review.model.AssuranceStatistics;
import org.clinicalsenate.api.review.model.Durations;
import org.clinicalsenate.api.review.model.SenateStatistics;
import org.clinicalsenate.api.review.model.SenateStatisticsOverdueNowInner;
import org.clinicalsenate.api.review.model.SenateStatisticsPublication;
import org.clinicalsenate.api.review.model.SenateStatisticsRecommendationsInner;
import org.clinicalsenate.api.review.model.SenateStatisticsRequestsInner;
import org.clinicalsenate.api.review.model.SenateStatisticsTestAssessmentsInner;
import org.clinicalsenate.api.review.model.StageDurations;
import org.clinicalsenate.api.review.model.TestAssessmentOutcome;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.review.service.AssuranceStatisticsService.Publication;
import org.clinicalsenate.review.service.AssuranceStatisticsService.SenateFigures;
import org.clinicalsenate.review.service.AssuranceStatisticsService.Statistics;
import org.mapstruct.Mapper;

/** The assurance statistics, to the contract and as a spreadsheet (one row per figure). */
@Mapper(config = MappingDefaults.class)
public interface AssuranceStatisticsMapper {

    List<String> CSV_HEADER = List.of("Senate", "Figure", "Group", "Subgroup", "Count", "Median days",
            "90th percentile days", "Share");

    default AssuranceStatistics toApi(Statistics statistics) {
        return new AssuranceStatistics().from(statistics.from()).to(statistics.to())
                .senates(statistics.senates().stream().map(this::toApi).toList());
    }

    default SenateStatistics toApi(SenateFigures figures) {
        Publication publication = figures.publication();
        return new SenateStatistics()
                .senate(figures.senate())
                .requests(figures.requests().stream().map(c -> new SenateStatisticsRequestsInner()
                        .kind(AdviceRequestKind.fromValue(c.group())).triage(c.subgroup()).count(c.count())).toList())
                .shortNotice(figures.shortNotice())
                .stages(figures.stages().stream().map(d -> new StageDurations().stage(d.group()).completed(d.completed())
                        .medianDays(d.medianDays()).p90Days(d.p90Days())).toList())
                .endToEnd(new Durations().completed(figures.endToEnd().completed())
                        .medianDays(figures.endToEnd().medianDays()).p90Days(figures.endToEnd().p90Days()))
                .overdueNow(figures.overdueNow().stream().map(c -> new SenateStatisticsOverdueNowInner()
                        .stage(c.group()).count(c.count())).toList())
                .publication(new SenateStatisticsPublication().issued(publication.issued())
                        .published(publication.published())
                        .share(publication.issued() == 0 ? null
                                : Math.round(1000.0 * publication.published() / publication.issued()) / 1000.0)
                        .medianDaysToPublication(publication.medianDays())
                        .p90DaysToPublication(publication.p90Days()))
                .testAssessments(figures.testAssessments().stream().map(c -> new SenateStatisticsTestAssessmentsInner()
                        .test(c.group()).assessment(TestAssessmentOutcome.fromValue(c.subgroup())).count(c.count()))
                        .toList())
                .recommendations(figures.recommendations().stream().map(c -> new SenateStatisticsRecommendationsInner()
                        .theme(c.group()).response(c.subgroup()).count(c.count())).toList());
    }

    /** The figures as rows of {@link #CSV_HEADER}. */
    default List<List<String>> rows(AssuranceStatistics statistics) {
        List<List<String>> rows = new ArrayList<>();
        for (SenateStatistics s : statistics.getSenates()) {
            String senate = s.getSenate();
            s.getRequests().forEach(c -> rows.add(row(senate, "requests", c.getKind(), c.getTriage(), c.getCount(), null,
                    null, null)));
            rows.add(row(senate, "short-notice", null, null, s.getShortNotice(), null, null, null));
            s.getStages().forEach(d -> rows.add(row(senate, "stage", d.getStage(), null, d.getCompleted(),
                    d.getMedianDays(), d.getP90Days(), null)));
            rows.add(row(senate, "end-to-end", null, null, s.getEndToEnd().getCompleted(), s.getEndToEnd().getMedianDays(),
                    s.getEndToEnd().getP90Days(), null));
            s.getOverdueNow().forEach(c -> rows.add(row(senate, "overdue-now", c.getStage(), null, c.getCount(), null,
                    null, null)));
            SenateStatisticsPublication p = s.getPublication();
            rows.add(row(senate, "publication", null, null, p.getIssued(), p.getMedianDaysToPublication(),
                    p.getP90DaysToPublication(), p.getShare()));
            s.getTestAssessments().forEach(c -> rows.add(row(senate, "test-assessment", c.getTest(), c.getAssessment(),
                    c.getCount(), null, null, null)));
            s.getRecommendations().forEach(c -> rows.add(row(senate, "recommendations", c.getTheme(), c.getResponse(),
                    c.getCount(), null, null, null)));
        }
        return rows;
    }

    private static List<String> row(Object... cells) {
        return Arrays.stream(cells).map(cell -> cell == null ? null : Objects.toString(cell)).toList();
    }
}
