package org.clinicalsenate.review.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;

import org.clinicalsenate.api.review.ReportApi;
import org.clinicalsenate.api.review.model.EndorsementCreate;
import org.clinicalsenate.api.review.model.FactualAccuracyAnswerCreate;
import org.clinicalsenate.api.review.model.FactualAccuracyCheckStart;
import org.clinicalsenate.api.review.model.FactualAccuracyCommentCreate;
import org.clinicalsenate.api.review.model.FactualAccuracyCommentList;
import org.clinicalsenate.api.review.model.PublicationConsentCreate;
import org.clinicalsenate.api.review.model.ReportDraft;
import org.clinicalsenate.api.review.model.ReportIssueCreate;
import org.clinicalsenate.api.review.model.ReportVersionList;
import org.clinicalsenate.api.review.model.ReviewClosure;
import org.clinicalsenate.api.review.model.ReviewReopening;
import org.clinicalsenate.api.review.model.SponsorResponseCreate;
import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.review.domain.ConsentDecision;
import org.clinicalsenate.review.domain.EndorsementDecision;
import org.clinicalsenate.review.domain.FactualAccuracyComment;
import org.clinicalsenate.review.mapping.ReportMapper;
import org.clinicalsenate.review.service.ReportService;
import org.clinicalsenate.review.service.ReportService.VersionView;

public class ReportResource implements ReportApi {

    /** JSON first: it is what a client gets for any type, {@code *}{@code /*} or no Accept header. */
    private static final List<Variant> VARIANTS = Variant
            .mediaTypes(MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_HTML_TYPE).build();

    @Inject
    ReportService reports;

    @Inject
    ReportMapper mapper;

    @Inject
    ReportPage page;

    @Context
    Request request;

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response getReport(UUID id) {
        return Response.ok(mapper.toApi(reports.report(id))).build();
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response listReportVersions(UUID id) {
        return Response.ok(new ReportVersionList(reports.versions(id).stream().map(mapper::toApi).toList())).build();
    }

    /** Request.selectVariant adds {@code Vary: Accept} itself. */
    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response getReportVersion(UUID id, Integer version) {
        Variant variant = request.selectVariant(VARIANTS);
        if (variant == null) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE,
                    "None of the accepted media types can be produced: ask for application/json or text/html");
        }
        VersionView view = reports.version(id, version);
        if (variant.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE)) {
            return Response.ok(page.render(ReportHeading.of(reports.request(id)), view), MediaType.TEXT_HTML_TYPE).build();
        }
        return Response.ok(mapper.toApi(view), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response draftReport(UUID id, ReportDraft draft) {
        VersionView view = reports.draft(id, mapper.toDomain(draft));
        return Response.created(URI.create("/advice-requests/" + id + "/report/versions/" + view.version().version))
                .entity(mapper.toApi(view)).build();
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response startFactualAccuracyCheck(UUID id, FactualAccuracyCheckStart start) {
        return Response.ok(mapper.toApi(reports.startFactualAccuracyCheck(id, start.getSentOn(), start.getDueOn()))).build();
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response listFactualAccuracyComments(UUID id) {
        return Response.ok(new FactualAccuracyCommentList(reports.comments(id).stream().map(mapper::toApi).toList()))
                .build();
    }

    @Override
    @RolesAllowed(Roles.REQUESTER)
    public Response commentOnReport(UUID id, FactualAccuracyCommentCreate create) {
        FactualAccuracyComment comment = reports.comment(id, create.getSection() == null ? null
                : create.getSection().toString(), create.getRecommendation(), create.getComment());
        return Response.created(URI.create("/advice-requests/" + id + "/report/comments/" + comment.id))
                .entity(mapper.toApi(comment)).build();
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response answerFactualAccuracyComment(UUID id, UUID commentId, FactualAccuracyAnswerCreate answer) {
        return Response.ok(mapper.toApi(reports.answer(id, commentId,
                KebabCase.fromValue(FactualAccuracyComment.Outcome.class, answer.getOutcome().toString()),
                answer.getChange(), answer.getReason()))).build();
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response recordEndorsement(UUID id, EndorsementCreate endorsement) {
        return Response.ok(mapper.toApi(reports.endorse(id,
                KebabCase.fromValue(EndorsementDecision.class, endorsement.getDecision().toString()),
                endorsement.getCouncilMeetingDate(), endorsement.getNote()))).build();
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response issueReport(UUID id, ReportIssueCreate issue) {
        return Response.ok(mapper.toApi(reports.issue(id, issue.getIssuedOn()))).build();
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response recordPublicationConsent(UUID id, PublicationConsentCreate consent) {
        return Response.ok(mapper.toApi(reports.consent(id,
                KebabCase.fromValue(ConsentDecision.class, consent.getDecision().toString()),
                consent.getGivenBy(), consent.getGivenOn()))).build();
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response publishReport(UUID id) {
        return Response.ok(mapper.toApi(reports.publish(id))).build();
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response recordSponsorResponse(UUID id, SponsorResponseCreate response) {
        return Response.ok(mapper.toApi(reports.respond(id,
                response.getResponses().stream().map(mapper::toDomain).toList()))).build();
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response closeReview(UUID id, ReviewClosure closure) {
        return Response.ok(mapper.toApi(reports.close(id, closure.getNote()))).build();
    }

    @Override
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Response reopenReview(UUID id, ReviewReopening reopening) {
        return Response.ok(mapper.toApi(reports.reopen(id, reopening.getReason()))).build();
    }
}
