package org.clinicalsenate.membership.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;

import org.clinicalsenate.api.membership.RegisterApi;
import org.clinicalsenate.api.membership.model.Register;
import org.clinicalsenate.commons.cache.ReadCache;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.clinicalsenate.membership.mapping.RegisterMapper;
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
    ReadCache cache;

    @Inject
    ObjectMapper json;

    @Context
    Request request;

    /** Request.selectVariant adds {@code Vary: Accept} itself. The rendered register is kept (ReadCache). */
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
        return cache.get(key(slug, "json"), () -> new ReadCache.Rendered(render(slug, false),
                MediaType.APPLICATION_JSON_TYPE, Map.of())).response();
    }

    /** The CSV without content negotiation: a plain link, and what generated clients use. */
    @Override
    @PermitAll
    public Response getRegisterCsv(String slug) {
        return csv(slug);
    }

    private Response csv(String slug) {
        ReadCache.Key key = key(slug, "csv");
        return cache.get(key, () -> new ReadCache.Rendered(render(slug, true), RegisterCsv.MEDIA_TYPE,
                Map.of("Content-Disposition", "attachment; filename=\"" + slug + "-register-" + key.day() + ".csv\"")))
                .response();
    }

    /** The register is public: one rendering per senate, day and format for everybody. */
    private ReadCache.Key key(String slug, String format) {
        return new ReadCache.Key(slug, "register." + format, LocalDate.now(clock), "public");
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
