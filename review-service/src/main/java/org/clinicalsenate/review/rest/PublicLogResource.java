package org.clinicalsenate.review.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;

import org.clinicalsenate.api.review.PublicAdviceAndReviewLogApi;
import org.clinicalsenate.api.review.model.AdviceRequestKind;
import org.clinicalsenate.api.review.model.PublicLogItem;
import org.clinicalsenate.api.review.model.PublicLogPage;
import org.clinicalsenate.commons.cache.KeptPublicReads;
import org.clinicalsenate.commons.cache.ReadCache;
import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.commons.http.Csv;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.page.PageLinks;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.clinicalsenate.review.domain.PublicLogEntry;
import org.clinicalsenate.review.mapping.PublicLogMapper;
import org.clinicalsenate.review.service.PublicLogService;
import org.clinicalsenate.review.service.PublicLogService.Filter;
import org.clinicalsenate.review.service.PublicLogService.Published;
import org.clinicalsenate.review.service.ReportService.VersionView;

/**
 * The public advice and review log: no token needed. A page once read is kept for everyone
 * ({@link ReadCache}): a change shows at once, or within the cache's time to live on other replicas.
 */
public class PublicLogResource implements PublicAdviceAndReviewLogApi {

    /** JSON first: it is what a client gets for any type, {@code *}{@code /*} or no Accept header. */
    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, Csv.MEDIA_TYPE)
            .build();

    @Inject
    PublicLogService log;

    @Inject
    PublicLogMapper mapper;

    @Inject
    ReportPage page;

    @Inject
    ReadCache cache;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Override
    @PermitAll
    @KeptPublicReads.Kept
    public Response listPublicAdviceLog(String senate, Integer year, String icb, String organisation,
            AdviceRequestKind kind, String stage, String q, Integer limit, String cursor) {
        Variant variant = request.selectVariant(VARIANTS);
        if (variant == null) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE,
                    "None of the accepted media types can be produced: ask for application/json or text/csv");
        }
        if (stage != null && !PublicLogEntry.STAGES.contains(stage)) {
            throw ProblemException.invalid("stage", "must be one of " + PublicLogEntry.STAGES);
        }
        Filter filter = new Filter(senate, year, icb, organisation, kind == null ? null
                : KebabCase.fromValue(org.clinicalsenate.review.domain.AdviceRequestKind.class, kind.toString()),
                stage, q);
        if (variant.getMediaType().isCompatible(Csv.MEDIA_TYPE)) {
            return cache.publicRead(uri, headers.getHeaderString(HttpHeaders.ACCEPT), () -> {
                Page<PublicLogItem> page = log.list(filter, limit, cursor).map(mapper::toApi);
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Content-Disposition", "attachment; filename=\"advice-log.csv\"");
                PageLinks.next(page.nextCursor(), uri).ifPresent(link -> headers.put("Link", link));
                return new ReadCache.Rendered(Csv.write(PublicLogMapper.CSV_HEADER,
                        page.items().stream().map(mapper::row).toList()), Csv.MEDIA_TYPE, headers);
            });
        }
        return cache.publicPage(uri, headers.getHeaderString(HttpHeaders.ACCEPT), () -> {
            Page<PublicLogItem> page = log.list(filter, limit, cursor).map(mapper::toApi);
            return PageLinks.ok(new PublicLogPage(page.items()).nextCursor(page.nextCursor()), page.nextCursor(), uri);
        });
    }

    @Override
    @PermitAll
    public Response getPublicAdviceLogEntry(UUID id) {
        return Response.ok(mapper.toApi(log.entry(id))).build();
    }

    @Override
    @PermitAll
    public Response getPublishedReportPage(UUID id) {
        Published published = log.published(id);
        VersionView version = new VersionView(published.version().orElseThrow(), published.sections());
        return Response.ok(page.render(ReportHeading.of(published.entry()), version), MediaType.TEXT_HTML_TYPE).build();
    }
}
