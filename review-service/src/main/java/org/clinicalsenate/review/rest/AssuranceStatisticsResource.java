package org.clinicalsenate.review.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;

import org.clinicalsenate.api.review.AssuranceStatisticsApi;
import org.clinicalsenate.api.review.model.AssuranceStatistics;
import org.clinicalsenate.commons.http.Csv;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.review.mapping.AssuranceStatisticsMapper;
import org.clinicalsenate.review.service.AssuranceStatisticsService;

public class AssuranceStatisticsResource implements AssuranceStatisticsApi {

    /** JSON first: it is what a client gets for any type, {@code *}{@code /*} or no Accept header. */
    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, Csv.MEDIA_TYPE)
            .build();

    @Inject
    AssuranceStatisticsService statistics;

    @Inject
    AssuranceStatisticsMapper mapper;

    @Context
    Request request;

    @Override
    @RolesAllowed({ Roles.ASSURANCE_VIEWER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response getAssuranceStatistics(String senate, LocalDate from, LocalDate to) {
        Variant variant = request.selectVariant(VARIANTS);
        if (variant == null) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE,
                    "None of the accepted media types can be produced: ask for application/json or text/csv");
        }
        AssuranceStatistics figures = mapper.toApi(statistics.statistics(senate, from, to));
        if (variant.getMediaType().isCompatible(Csv.MEDIA_TYPE)) {
            return Response.ok(Csv.write(AssuranceStatisticsMapper.CSV_HEADER, mapper.rows(figures)), Csv.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"assurance-statistics-" + figures.getFrom()
                            + "-" + figures.getTo() + ".csv\"")
                    .build();
        }
        return Response.ok(figures, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
