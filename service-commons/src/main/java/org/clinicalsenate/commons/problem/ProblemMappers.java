package org.clinicalsenate.commons.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clinicalsenate.api.common.model.FieldError;
import org.clinicalsenate.commons.database.DatabaseOutage;
import org.clinicalsenate.commons.http.JsonConfig;
import org.clinicalsenate.commons.input.Formats;
import org.clinicalsenate.commons.input.HttpParameters;
import org.clinicalsenate.commons.input.ParameterRules;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where failures become RFC 9457 problems. Every exception reaching the REST layer
 * ends here: known ones with a precise type and message, anything else as a 500 that carries a
 * correlation id and is logged with its stack trace (which the client never sees).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String IF_MATCH_PARAMETER = "If-Match";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    /** Seconds a client should wait before retrying while the database is unavailable. */
    static final String RETRY_AFTER_SECONDS = "1";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = Problems.response(e.type(), e.getMessage(), path(uri), e.errors(), e.allowed(), null);
        if (e.type() == ProblemType.SERVICE_UNAVAILABLE) {
            // something this service depends on cannot answer for now: say when to try again
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        return response;
    }

    @ServerExceptionMapper({ ConstraintViolationException.class, ResteasyReactiveViolationException.class })
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue)) {
            return unexpected(e, uri); // our response broke the contract: a bug, not bad input
        }
        if (e.getConstraintViolations().stream().anyMatch(v -> IF_MATCH_PARAMETER.equals(fieldOf(v)))) {
            // the contract marks If-Match required; HTTP has its own status for a missing precondition
            return problem(new ProblemException(ProblemType.IF_MATCH_REQUIRED,
                    "Send the ETag you last read in If-Match so that no one else's change is lost"), uri);
        }
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), messageOf(v)))
                .sorted((a, b) -> a.getField().compareTo(b.getField()))
                .toList();
        String detail = errors.size() == 1
                ? errors.get(0).getField() + " " + errors.get(0).getMessage()
                : errors.size() + " fields are not valid";
        return Problems.response(ProblemType.VALIDATION, detail, path(uri), errors, List.of(), null);
    }

    @ServerExceptionMapper({ JsonProcessingException.class, JsonMappingException.class, StreamReadException.class,
            MismatchedInputException.class, InvalidFormatException.class, ValueInstantiationException.class })
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty() || isSyntaxError(e)) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return Problems.response(ProblemType.MALFORMED_JSON, "The body could not be parsed" + where,
                    path(uri));
        }
        String field = jsonPath(mapping.getPath());
        String message = jsonMessage(mapping);
        return Problems.response(ProblemType.VALIDATION, field + " " + message, path(uri),
                List.of(new FieldError(field, message)), List.of(), null);
    }

    private static boolean isSyntaxError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(Problems.response(ProblemType.UNAUTHENTICATED,
                "Send a valid bearer token in the Authorization header", path(uri)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.response(ProblemType.FORBIDDEN, "Your role does not allow this operation", path(uri));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (e.getCause() instanceof ProblemException problem) {
            return problem(problem, uri);
        }
        int status = e.getResponse().getStatus();
        if ((status == 404 || status == 400) && e.getCause() != null) {
            // JAX-RS answers 404 (path, query) or 400 (header) when a parameter cannot be converted
            return Problems.response(ProblemType.VALIDATION, "A parameter has the wrong type", path(uri));
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response.ResponseBuilder builder = Response.status(status).type(Problems.MEDIA_TYPE)
                .entity(Problems.problem(type, status, webDetail(e, status), path(uri), List.of(), List.of(), null));
        // keep protocol headers such as Allow (405) and WWW-Authenticate (401)
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    /**
     * Anything else: look through the causes for a known failure, then for the database being out of
     * reach (a 503 with Retry-After), otherwise a 500 with a correlation id.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return Problems.response(ProblemType.STALE_VERSION,
                        "Someone else changed this resource at the same time; read it again", path(uri));
            }
            if (cause instanceof java.sql.SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                logConstraint("Unique", e, uri);
                return Problems.response(ProblemType.CONFLICT, "This conflicts with data that already exists",
                        path(uri));
            }
            if (cause instanceof java.sql.SQLException sql && FOREIGN_KEY_VIOLATION.equals(sql.getSQLState())) {
                logConstraint("Foreign-key", e, uri);
                return Problems.response(ProblemType.CONFLICT, "This refers to data that does not exist or is in use",
                        path(uri));
            }
        }
        if (DatabaseOutage.causes(e)) {
            // not a bug: the pool, Hibernate and readiness already report the outage
            LOG.debugf("Database unavailable on %s: %s", path(uri), DatabaseOutage.describe(e));
            return Response.fromResponse(Problems.response(ProblemType.SERVICE_UNAVAILABLE,
                    "The database is unavailable for a moment; send the request again after Retry-After"
                            + " seconds (a creation with the same Idempotency-Key)", path(uri)))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .build();
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error [correlationId=%s] on %s", correlationId, path(uri));
        return Problems.response(ProblemType.INTERNAL, "Something went wrong on our side; quote the correlation id",
                path(uri), List.of(), List.of(), correlationId);
    }

    /**
     * The code checks its rules before writing, so a constraint reaching the client means a race or a missing
     * check: worth a look, not an error. Only the constraint's name is logged: the database's detail
     * quotes the key values, which may be personal data (an email address).
     */
    private static void logConstraint(String kind, Throwable e, UriInfo uri) {
        String constraint = null;
        for (Throwable cause = e; cause != null && constraint == null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                constraint = violation.getConstraintName();
            } else if (cause instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
                constraint = psql.getServerErrorMessage().getConstraint();
            }
        }
        LOG.warnf("%s violation answered 409 on %s (constraint %s)", kind, path(uri),
                constraint == null ? "unknown" : constraint);
    }

    private static String webDetail(WebApplicationException e, int status) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This path does not support the method";
            case 406 -> "None of the accepted media types can be produced";
            case 413 -> "The body is too large";
            case 415 -> "The content type is not supported here";
            default -> "The request was refused (HTTP " + status + ")";
        };
    }

    /**
     * The JSON path of the invalid field, without the method and argument names Hibernate
     * Validator prefixes; for a query or header parameter, the parameter name.
     */
    public static String fieldOf(ConstraintViolation<?> violation) {
        String parameter = null;
        Path.MethodNode method = null;
        List<Path.Node> properties = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> method = node.as(Path.MethodNode.class);
                case CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> parameter = httpName(violation, method, node.as(Path.ParameterNode.class));
                default -> properties.add(node);
            }
        }
        if (properties.isEmpty()) {
            return parameter != null ? parameter : violation.getPropertyPath().toString();
        }
        StringBuilder out = new StringBuilder();
        for (Path.Node node : properties) {
            if (node.isInIterable()) {
                out.append('[').append(node.getIndex() != null ? node.getIndex() : "").append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return out.toString();
    }

    /** A parameter as the contract names it (If-Match, limit; "body" for the request body), else its Java name. */
    private static String httpName(ConstraintViolation<?> violation, Path.MethodNode method, Path.ParameterNode node) {
        if (method != null && violation.getRootBeanClass() != null) {
            HttpParameters.Parameter parameter = HttpParameters.at(violation.getRootBeanClass(), method.getName(),
                    method.getParameterTypes(), node.getParameterIndex());
            if (parameter != null) {
                return parameter.name();
            }
        }
        return node.getName();
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** For an element of a list or set, says which value was wrong. */
    public static String messageOf(ConstraintViolation<?> violation) {
        Path.Node last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            last = node;
        }
        return last != null && last.getKind() == ElementKind.CONTAINER_ELEMENT
                ? "'" + violation.getInvalidValue() + "' " + violation.getMessage()
                : violation.getMessage();
    }

    /** The invalid field of a JSON value that could not be read, and what is wrong with it. */
    public static FieldError fieldError(JsonMappingException e) {
        return new FieldError(jsonPath(e.getPath()), jsonMessage(e));
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String jsonMessage(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
            return "is not a field of this object";
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType()
                : e instanceof ValueInstantiationException v ? v.getType().getRawClass() : null;
        if (e instanceof InvalidFormatException && JsonConfig.REPEATED_ITEM.equals(e.getOriginalMessage())) {
            return JsonConfig.REPEATED_ITEM;
        }
        if (target != null && target.isEnum()) {
            return "must be one of " + ParameterRules.wireValues(target);
        }
        if (e instanceof MismatchedInputException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Missing required creator property")) {
            return "is required";
        }
        if (target != null) {
            return describe(target);
        }
        return "is not valid";
    }

    private static String describe(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> Formats.DATE_MESSAGE;
            case "OffsetDateTime", "Instant" -> Formats.DATE_TIME_MESSAGE;
            case "UUID" -> Formats.UUID_MESSAGE;
            case "Integer", "Long", "int", "long" -> Formats.INTEGER_MESSAGE;
            case "Boolean", "boolean" -> Formats.BOOLEAN_MESSAGE;
            case "String" -> "must be a valid string";
            case "Double", "Float", "BigDecimal", "double", "float" -> "must be a valid number";
            default -> List.class.isAssignableFrom(type) || java.util.Set.class.isAssignableFrom(type)
                    || type.isArray() ? "must be a valid array" : "must be a valid object";
        };
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
