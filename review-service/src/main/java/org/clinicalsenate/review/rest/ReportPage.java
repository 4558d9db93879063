package org.clinicalsenate.review.rest;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinicalsenate.commons.time.Clocks;
import org.clinicalsenate.review.service.ReportService.VersionView;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateExtension;

/**
 * A version of the report as a page a senate can publish or print as is (templates/report.html,
 * checked against these types when the service is built). Qute escapes every value.
 */
@ApplicationScoped
public class ReportPage {

    @Inject
    @Location("report.html")
    Template template;

    public String render(ReportHeading heading, VersionView view) {
        return template.data("request", heading).data("report", view.version()).data("sections", view.sections())
                .render();
    }

    /** {@code {instant.day}}: the day in England. */
    @TemplateExtension
    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, Clocks.ENGLAND);
    }
}
