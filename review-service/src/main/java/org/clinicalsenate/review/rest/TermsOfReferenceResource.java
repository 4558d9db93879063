package org.clinicalsenate.review.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.clinicalsenate.api.review.TermsOfReferenceApi;
import org.clinicalsenate.api.review.model.TermsOfReferenceDraft;
import org.clinicalsenate.api.review.model.TermsOfReferenceSignOff;
import org.clinicalsenate.api.review.model.TermsOfReferenceVersions;
import org.clinicalsenate.commons.http.ETags;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.review.mapping.TermsOfReferenceMapper;
import org.clinicalsenate.review.service.TermsOfReferenceService;
import org.clinicalsenate.review.service.TermsOfReferenceService.Version;

public class TermsOfReferenceResource implements TermsOfReferenceApi {

    @Inject
    TermsOfReferenceService terms;

    @Inject
    TermsOfReferenceMapper mapper;

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response getTermsOfReference(UUID id) {
        return ok(terms.current(id));
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response draftTermsOfReference(UUID id, TermsOfReferenceDraft termsOfReferenceDraft, String ifMatch) {
        return ok(terms.draft(id, ifMatch, mapper.toEntity(termsOfReferenceDraft)));
    }

    @Override
    @RolesAllowed({ Roles.REQUESTER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response listTermsOfReferenceVersions(UUID id) {
        return Response.ok(new TermsOfReferenceVersions(terms.versions(id).stream().map(mapper::toApi).toList()))
                .build();
    }

    @Override
    @RolesAllowed(Roles.REQUESTER)
    public Response agreeTermsOfReference(UUID id, String ifMatch) {
        return ok(terms.agree(id, ifMatch));
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response signOffTermsOfReference(UUID id, String ifMatch, TermsOfReferenceSignOff signOff) {
        return ok(terms.signOff(id, ifMatch, signOff == null ? null : signOff.getCouncilMeetingDate()));
    }

    private Response ok(Version version) {
        return Response.ok(mapper.toApi(version)).header(HttpHeaders.ETAG, ETags.of(version.terms().etag())).build();
    }
}
