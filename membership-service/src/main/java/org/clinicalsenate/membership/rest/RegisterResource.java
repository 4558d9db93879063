package org.clinicalsenate.membership.rest;

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
import org.clinicalsenate.membership.service.RegisterService;

public class RegisterResource implements RegisterApi {

    /** JSON first: it is what a client gets for any type, {@code *}{@code /*} or no Accept header. */
    private static final List<Variant> VARIANTS = Variant
            .mediaTypes(MediaType.APPLICATION_JSON_TYPE, RegisterCsv.MEDIA_TYPE).build();

    @Inject
    RegisterService registers;

    @Inject
    RegisterMapper mapper;

    @Context
    Request request;

    /** Request.selectVariant adds {@code Vary: Accept} itself. */
    @Override
    @PermitAll
    public Response getRegister(String slug) {
        Variant variant = request.selectVariant(VARIANTS);
        if (variant == null) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE,
                    "None of the accepted media types can be produced: ask for application/json or text/csv");
        }
        Register register = mapper.toApi(registers.register(slug));
        if (variant.getMediaType().isCompatible(RegisterCsv.MEDIA_TYPE)) {
            return Response.ok(RegisterCsv.write(register), RegisterCsv.MEDIA_TYPE)
                    .header("Content-Disposition",
                            "attachment; filename=\"" + slug + "-register-" + register.getAsOf() + ".csv\"")
                    .build();
        }
        return Response.ok(register, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
