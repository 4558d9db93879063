package org.clinicalsenate.commons.audit;

import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clinicalsenate.api.common.AuditApi;
import org.clinicalsenate.api.common.model.AuditEntryPage;
import org.clinicalsenate.commons.page.PageLinks;
import org.clinicalsenate.commons.security.Roles;

/** The audit log of the service it runs in: the same operation in every service's contract. */
public class AuditResource implements AuditApi {

    @Inject
    AuditLog audit;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.SENATE_ADMIN })
    public Response listAuditEntries(String entityType, String entityId, OffsetDateTime since, Integer limit,
            String cursor) {
        AuditEntryPage page = audit.list(entityType, entityId, since == null ? null : since.toInstant(), limit, cursor);
        return PageLinks.ok(page, page.getNextCursor(), uri);
    }
}
