package org.clinicalsenate.commons.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.clinicalsenate.api.common.model.FieldError;
import org.clinicalsenate.api.common.model.Problem;

/** Builds RFC 9457 responses from the contract's Problem model. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response response(ProblemType type, String detail, String instance) {
        return response(type, detail, instance, List.of(), List.of(), null);
    }

    public static Response response(ProblemType type, String detail, String instance, List<FieldError> errors,
            List<String> allowed, String correlationId) {
        return Response.status(type.status).type(MEDIA_TYPE)
                .entity(problem(type, type.status, detail, instance, errors, allowed, correlationId)).build();
    }

    /** The problem body; {@code status} differs from the type's only for a status the platform did not raise itself. */
    public static Problem problem(ProblemType type, int status, String detail, String instance, List<FieldError> errors,
            List<String> allowed, String correlationId) {
        return new Problem(type.uri, type.title, status)
                .detail(detail)
                .instance(instance)
                .correlationId(correlationId)
                .errors(errors.isEmpty() ? null : errors)
                .allowed(allowed.isEmpty() ? null : allowed);
    }
}
