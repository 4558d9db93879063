package org.clinicalsenate.membership.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;

import org.clinicalsenate.api.membership.RegisterApi;
import org.clinicalsenate.api.membership.model.Register;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.clinicalsenate.membership.mapping.RegisterMapper;
import org.clinicalsenate.membership.service.RegisterCache;
import org.clinicalsenate.membership.service.RegisterService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

public class RegisterResource implements RegisterApi {

    /** JSON first: it is what a client gets for any type, {@code *}{@code /*} or no Accept header. */
    private static final List<Variant> VARIANTS = Variant
            .mediaTypes(MediaType.APPLICATION_JSON_TYPE, RegisterCsv.MEDIA_TYPE).build();

    @Inject
    Clock clock;

    @Inject
    RegisterService registers;

    @Inject
    RegisterMapper mapper;

    @Inject
    RegisterCache cache;

    @Inject
    ObjectMapper json;

    @Context
    Request request;

    /** Request.selectVariant adds {@code Vary: Accept} itself. The rendered register is cached (RegisterCache). */
    @Override
    @PermitAll
    public Response getRegister(String slug) {
        Variant variant = request.selectVariant(VARIANTS);
        if (variant == null) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE,
                    "None of the accepted media types can be produced: ask for application/json or text/csv");
        }
        if (variant.getMediaType().isCompatible(RegisterCsv.MEDIA_TYPE)) {
            return csv(slug);
        }
        LocalDate today = LocalDate.now(clock);
        byte[] body = cache.get(slug, today, "json", () -> render(slug, false));
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The CSV without content negotiation: a plain link, and what generated clients use. */
    @Override
    @PermitAll
    public Response getRegisterCsv(String slug) {
        return csv(slug);
    }

    private Response csv(String slug) {
        LocalDate today = LocalDate.now(clock);
        byte[] body = cache.get(slug, today, "csv", () -> render(slug, true));
        return Response.ok(body, RegisterCsv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-register-" + today + ".csv\"")
                .build();
    }

    private byte[] render(String slug, boolean csv) {
        Register register = mapper.toApi(registers.register(slug));
        if (csv) {
            return RegisterCsv.write(register);
        }
        try {
            return json.writeValueAsBytes(register);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the register of " + slug, e);
        }
    }
}
