package org.clinicalsenate.membership.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clinicalsenate.api.membership.DeclarationsApi;
import org.clinicalsenate.api.membership.model.DeclarationCreate;
import org.clinicalsenate.api.membership.model.DeclarationPage;
import org.clinicalsenate.api.membership.model.DeclarationReviewUpdate;
import org.clinicalsenate.api.membership.model.DeclarationVersionList;
import org.clinicalsenate.api.membership.model.InterestFields;
import org.clinicalsenate.commons.http.ETags;
import org.clinicalsenate.commons.idempotency.Idempotency;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.page.PageLinks;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.membership.domain.Declaration;
import org.clinicalsenate.membership.mapping.DeclarationMapper;
import org.clinicalsenate.membership.service.DeclarationService;

public class DeclarationResource implements DeclarationsApi {

    @Inject
    DeclarationService declarations;

    @Inject
    DeclarationMapper mapper;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response createDeclaration(UUID memberId, DeclarationCreate declarationCreate, String idempotencyKey) {
        // the member is part of the request: one key cannot declare the same body for two members
        return idempotency.execute(idempotencyKey, "createDeclaration", List.of(memberId, declarationCreate), () -> {
            Declaration declaration = declarations.create(memberId, declarationCreate);
            return Response.created(URI.create("/declarations/" + declaration.id))
                    .entity(view(declaration))
                    .header(HttpHeaders.ETAG, ETags.of(declaration.version))
                    .build();
        });
    }

    @Override
    @RolesAllowed({ Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response getDeclaration(UUID declarationId) {
        return withETag(declarations.get(declarationId));
    }

    @Override
    @RolesAllowed({ Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response amendDeclaration(UUID declarationId, String ifMatch, InterestFields interestFields) {
        return withETag(declarations.amend(declarationId, ifMatch, interestFields));
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response reviewDeclaration(UUID declarationId, String ifMatch, DeclarationReviewUpdate declarationReviewUpdate) {
        return withETag(declarations.review(declarationId, ifMatch, declarationReviewUpdate));
    }

    @Override
    @RolesAllowed({ Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response listMemberDeclarations(UUID memberId, Integer limit, String cursor) {
        Page<org.clinicalsenate.api.membership.model.Declaration> page = declarations
                .listOfMember(memberId, limit, cursor).map(this::view);
        return PageLinks.ok(new DeclarationPage(page.items()).nextCursor(page.nextCursor()), page.nextCursor(), uri);
    }

    @Override
    @RolesAllowed({ Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response listDeclarationVersions(UUID declarationId) {
        return Response.ok(new DeclarationVersionList(
                declarations.versions(declarationId).stream().map(mapper::toApi).toList())).build();
    }

    private org.clinicalsenate.api.membership.model.Declaration view(Declaration declaration) {
        return mapper.toApi(declaration, declarations.seesReviewNote(declaration));
    }

    private Response withETag(Declaration declaration) {
        return Response.ok(view(declaration)).header(HttpHeaders.ETAG, ETags.of(declaration.version)).build();
    }
}
