package org.clinicalsenate.review.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clinicalsenate.api.review.ReviewProgressApi;
import org.clinicalsenate.api.review.model.ReviewProgress;
import org.clinicalsenate.api.review.model.ReviewProgressPage;
import org.clinicalsenate.api.review.model.StageDeadline;
import org.clinicalsenate.api.review.model.StageDeadlinePage;
import org.clinicalsenate.commons.cache.ReadCache;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.page.PageLinks;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.review.mapping.AdviceRequestMapper;
import org.clinicalsenate.review.service.AdviceRequestService;
import org.clinicalsenate.review.service.StageDeadlineService;

public class ReviewProgressResource implements ReviewProgressApi {

    @Inject
    AdviceRequestService requests;

    @Inject
    AdviceRequestMapper mapper;

    @Inject
    ReadCache cache;

    @Inject
    StageDeadlineService deadlines;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.ASSURANCE_VIEWER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response listReviewProgress(String senate, String status, OffsetDateTime updatedSince, Integer limit,
            String cursor) {
        return cache.page(senate, uri, () -> {
            Page<ReviewProgress> page = requests.progress(senate, mapper.status(status),
                    Times.instant(updatedSince), limit, cursor).map(mapper::toApi);
            return PageLinks.ok(new ReviewProgressPage(page.items()).nextCursor(page.nextCursor()), page.nextCursor(),
                    uri);
        });
    }

    @Override
    @RolesAllowed({ Roles.ASSURANCE_VIEWER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response listStageDeadlines(String senate, Boolean overdue, Integer limit, String cursor) {
        LocalDate today = LocalDate.now(clock);
        Page<StageDeadline> page = deadlines.list(senate, Boolean.TRUE.equals(overdue), limit, cursor)
                .map(deadline -> mapper.toApi(deadline, today));
        return PageLinks.ok(new StageDeadlinePage(page.items()).nextCursor(page.nextCursor()), page.nextCursor(), uri);
    }
}
