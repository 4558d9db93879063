package org.clinicalsenate.review.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clinicalsenate.api.common.model.AuditEntryPage;
import org.clinicalsenate.api.review.AuditApi;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.page.PageLinks;
import org.clinicalsenate.commons.security.Roles;

public class AuditResource implements AuditApi {

    @Inject
    AuditLog audit;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.SENATE_ADMIN })
    public Response listReviewAuditEntries(String entityType, String entityId, Integer limit, String cursor) {
        AuditEntryPage page = audit.list(entityType, entityId, limit, cursor);
        return PageLinks.ok(page, page.getNextCursor(), uri);
    }
}
