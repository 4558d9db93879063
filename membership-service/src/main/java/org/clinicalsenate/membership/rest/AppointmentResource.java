package org.clinicalsenate.membership.rest;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clinicalsenate.api.membership.AppointmentsApi;
import org.clinicalsenate.api.membership.model.AppointmentCreate;
import org.clinicalsenate.api.membership.model.AppointmentEnding;
import org.clinicalsenate.api.membership.model.AppointmentPage;
import org.clinicalsenate.api.membership.model.AppointmentWithdrawal;
import org.clinicalsenate.commons.http.ETags;
import org.clinicalsenate.commons.idempotency.Idempotency;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.page.PageLinks;
import org.clinicalsenate.commons.security.Roles;
import org.clinicalsenate.membership.domain.Appointment;
import org.clinicalsenate.membership.mapping.AppointmentMapper;
import org.clinicalsenate.membership.service.AppointmentService;

public class AppointmentResource implements AppointmentsApi {

    @Inject
    Clock clock;

    @Inject
    AppointmentService appointments;

    @Inject
    AppointmentMapper mapper;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response nominateAppointment(UUID memberId, AppointmentCreate appointmentCreate, String idempotencyKey) {
        // the key covers the member too: the same body for another member is another request
        NominationRequest request = new NominationRequest(memberId, appointmentCreate);
        return idempotency.execute(idempotencyKey, "nominateAppointment", request, () -> {
            Appointment appointment = appointments.nominate(memberId, new AppointmentService.Nomination(
                    mapper.toDomain(appointmentCreate.getBody()), mapper.toDomain(appointmentCreate.getRole()),
                    appointmentCreate.getTermStart(), appointmentCreate.getTermEnd()));
            return Response.created(URI.create("/appointments/" + appointment.id))
                    .entity(mapper.toApi(appointment, LocalDate.now(clock)))
                    .header(HttpHeaders.ETAG, ETags.of(appointment.version))
                    .build();
        });
    }

    @Override
    @RolesAllowed({ Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response listMemberAppointments(UUID memberId, Integer limit, String cursor) {
        LocalDate today = LocalDate.now(clock);
        Page<org.clinicalsenate.api.membership.model.Appointment> page = appointments
                .listForMember(memberId, limit, cursor).map(a -> mapper.toApi(a, today));
        return PageLinks.ok(new AppointmentPage(page.items()).nextCursor(page.nextCursor()), page.nextCursor(), uri);
    }

    @Override
    @RolesAllowed({ Roles.MEMBER, Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response getAppointment(UUID appointmentId) {
        return ok(appointments.get(appointmentId));
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response approveAppointment(UUID appointmentId, String ifMatch) {
        return ok(appointments.approve(appointmentId, ifMatch));
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response endAppointment(UUID appointmentId, AppointmentEnding ending, String ifMatch) {
        return ok(appointments.end(appointmentId, ifMatch, mapper.outcome(ending.getOutcome()), ending.getLastDay(),
                ending.getReason()));
    }

    @Override
    @RolesAllowed({ Roles.SENATE_ADMIN, Roles.SENATE_CHAIR, Roles.PLATFORM_ADMIN })
    public Response withdrawNomination(UUID appointmentId, String ifMatch, AppointmentWithdrawal withdrawal) {
        return ok(appointments.withdraw(appointmentId, ifMatch, withdrawal == null ? null : withdrawal.getReason()));
    }

    /** What an Idempotency-Key on a nomination stands for. */
    record NominationRequest(UUID memberId, AppointmentCreate appointment) {
    }

    private Response ok(Appointment appointment) {
        return Response.ok(mapper.toApi(appointment, LocalDate.now(clock)))
                .header(HttpHeaders.ETAG, ETags.of(appointment.version))
                .build();
    }
}
