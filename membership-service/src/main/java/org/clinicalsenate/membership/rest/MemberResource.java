package org.clinicalsenate.membership.rest;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clinicalsenate.api.membership.MembersApi;
import org.clinicalsenate.api.membership.model.AppointmentBody;
import org.clinicalsenate.api.membership.model.AppointmentRole;
import org.clinicalsenate.api.membership.model.MemberCreate;
import org.clinicalsenate.api.membership.model.MemberPage;
import org.clinicalsenate.api.membership.model.MemberUpdate;
import org.clinicalsenate.commons.cache.ReadCache;
import org.clinicalsenate.commons.http.ETags;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.commons.idempotency.Idempotency;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.page.PageLinks;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.membership.domain.Member;
import org.clinicalsenate.membership.domain.MemberAccess;
import org.clinicalsenate.membership.mapping.AppointmentMapper;
import org.clinicalsenate.membership.mapping.CouncilMapper;
import org.clinicalsenate.membership.mapping.MemberMapper;
import org.clinicalsenate.membership.service.CouncilService;
import org.clinicalsenate.membership.service.MemberService;

public class MemberResource implements MembersApi {

    @Inject
    MemberService members;

    @Inject
    CouncilService councils;

    @Inject
    MemberMapper mapper;

    @Inject
    AppointmentMapper appointmentMapper;

    @Inject
    CouncilMapper councilMapper;

    @Inject
    MemberAccess access;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uri;

    @Inject
    ReadCache cache;

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response createMember(MemberCreate memberCreate, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "createMember", memberCreate, () -> {
            Member member = members.create(memberCreate);
            return Response.created(URI.create("/members/" + member.id))
                    .entity(mapper.toApi(member, access))
                    .header(HttpHeaders.ETAG, ETags.of(member.version))
                    .build();
        });
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN, Roles.REVIEW_SERVICE })
    public Response listMembers(String senate, AppointmentBody body, AppointmentRole role, String profession,
            String organisation, String name, OffsetDateTime updatedSince, Integer limit, String cursor) {
        MemberService.Search search = new MemberService.Search(senate, appointmentMapper.toDomain(body),
                appointmentMapper.toDomain(role), mapper.profession(profession), organisation, name,
                Times.instant(updatedSince));
        return cache.page(senate, uri, () -> {
            Page<org.clinicalsenate.api.membership.model.Member> page = members.list(search, limit, cursor)
                    .map(m -> mapper.toApi(m, access));
            return PageLinks.ok(new MemberPage(page.items()).nextCursor(page.nextCursor()), page.nextCursor(), uri);
        });
    }

    @Override
    @RolesAllowed({ Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN, Roles.REVIEW_SERVICE })
    public Response getMember(UUID memberId) {
        Member member = members.get(memberId);
        return Response.ok(mapper.toApi(member, access)).header(HttpHeaders.ETAG, ETags.of(member.version)).build();
    }

    @Override
    @RolesAllowed({ Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response updateMember(UUID memberId, String ifMatch, MemberUpdate memberUpdate) {
        Member member = members.update(memberId, ifMatch, memberUpdate);
        return Response.ok(mapper.toApi(member, access)).header(HttpHeaders.ETAG, ETags.of(member.version)).build();
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.ASSURANCE_VIEWER, Roles.PLATFORM_ADMIN })
    public Response getCouncilComposition(String slug) {
        return Response.ok(councilMapper.toApi(councils.composition(slug))).build();
    }
}
