package org.clinicalsenate.review.rest;

import org.clinicalsenate.review.domain.AdviceRequest;
import org.clinicalsenate.review.domain.PublicLogEntry;

/** What the report's page says of its request: public facts only (no contact details). */
public record ReportHeading(String title, String senate, String kind, String requestingOrganisation, String sponsor) {

    static ReportHeading of(AdviceRequest request) {
        return new ReportHeading(request.title, request.senate, request.kind.value(), request.requestingOrganisation,
                request.sponsor);
    }

    static ReportHeading of(PublicLogEntry entry) {
        return new ReportHeading(entry.title, entry.senate, entry.kind.value(), entry.requestingOrganisation,
                entry.sponsor);
    }
}
