package org.clinicalsenate.review.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.clinicalsenate.api.review.model.AdviceRequestKind;
import org.clinicalsenate.api.review.model.PublicLogEntry;
import org.clinicalsenate.api.review.model.PublicLogItem;
import org.clinicalsenate.api.review.model.PublicLogLinks;
import org.clinicalsenate.api.review.model.PublishedReport;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.commons.time.Clocks;
import org.clinicalsenate.review.domain.ReportVersion;
import org.clinicalsenate.review.service.PublicLogService.Published;
import org.mapstruct.Mapper;

/** The public advice and review log, to the contract: dates in England, links to the public pages. */
@Mapper(config = MappingDefaults.class)
public interface PublicLogMapper {

    /** The columns of the log as a spreadsheet, in the order of {@link #row}. */
    List<String> CSV_HEADER = List.of("Id", "Senate", "Title", "Requesting organisation", "Sponsor", "Area", "Kind",
            "Stage", "Submitted on", "Accepted on", "Published on", "Recommendations", "Report");

    default PublicLogItem toApi(org.clinicalsenate.review.domain.PublicLogEntry entry) {
        String self = "/public/advice-log/" + entry.id;
        return new PublicLogItem()
                .id(entry.id)
                .senate(entry.senate)
                .title(entry.title)
                .requestingOrganisation(entry.requestingOrganisation)
                .sponsor(entry.sponsor)
                .areaUnderReview(entry.areaUnderReview)
                .kind(AdviceRequestKind.fromValue(entry.kind.value()))
                .stage(entry.stage)
                .submittedOn(day(entry.submittedAt))
                .acceptedOn(day(entry.triagedAt))
                .publishedOn(day(entry.publishedAt))
                .recommendations(entry.recommendations)
                .links(new PublicLogLinks().self(self).report(entry.publishedAt == null ? null : self + "/report"));
    }

    default PublicLogEntry toApi(Published published) {
        PublicLogItem item = toApi(published.entry());
        PublicLogEntry entry = new PublicLogEntry()
                .id(item.getId()).senate(item.getSenate()).title(item.getTitle())
                .question(published.entry().question)
                .requestingOrganisation(item.getRequestingOrganisation()).sponsor(item.getSponsor())
                .areaUnderReview(item.getAreaUnderReview()).kind(item.getKind()).stage(item.getStage())
                .submittedOn(item.getSubmittedOn()).acceptedOn(item.getAcceptedOn()).publishedOn(item.getPublishedOn())
                .recommendations(item.getRecommendations()).links(item.getLinks());
        published.version().ifPresent(version -> entry.report(report(version))
                .sponsorResponse(published.responses().stream().map(ReportMapper::toApi).toList()));
        return entry;
    }

    default PublishedReport report(ReportVersion version) {
        return new PublishedReport()
                .version(version.version)
                .executiveSummary(version.executiveSummary)
                .findings(version.findings)
                .recommendations(version.recommendations.stream().map(ReportMapper::toApi).toList())
                .testAssessments(version.testAssessments.stream().map(ReportMapper::toApi).toList());
    }

    /** One row of the spreadsheet. */
    default List<String> row(PublicLogItem item) {
        return java.util.Arrays.asList(item.getId().toString(), item.getSenate(), item.getTitle(),
                item.getRequestingOrganisation(), item.getSponsor(), String.join(" ", item.getAreaUnderReview()),
                item.getKind().toString(), item.getStage(), text(item.getSubmittedOn()), text(item.getAcceptedOn()),
                text(item.getPublishedOn()), text(item.getRecommendations()), item.getLinks().getReport());
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }

    private static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, Clocks.ENGLAND);
    }
}
