package org.clinicalsenate.commons.input;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.clinicalsenate.commons.input.HttpParameters.Parameter;
import org.clinicalsenate.commons.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Every path, query and header parameter an operation declares is checked before it is converted:
 * single-line {@link Text}, and the exact form of its type ({@link Formats}; enums by their contract
 * value). A refusal is a 400 naming the parameter as the contract does. Bean Validation then checks
 * lengths, ranges and patterns.
 */
public class ParameterRules {

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return;
        }
        for (Parameter parameter : HttpParameters.of(resource.getResourceMethod())) {
            List<String> values = switch (parameter.source()) {
                case PATH -> request.getUriInfo().getPathParameters().get(parameter.name());
                case QUERY -> request.getUriInfo().getQueryParameters().get(parameter.name());
                case HEADER -> request.getHeaders().get(parameter.name());
                case BODY -> null;
            };
            if (values != null) {
                for (String value : values) {
                    // the framework would take an empty value for an absent one
                    String refusal = value.isEmpty() && parameter.nonEmpty() ? "must not be empty"
                            : refusal(parameter.type(), value);
                    if (refusal != null) {
                        throw ProblemException.invalid(parameter.name(), refusal);
                    }
                }
            }
        }
    }

    /** An enum's values as the contract spells them: its @JsonValue, else its text. */
    public static List<String> wireValues(Class<?> type) {
        Method jsonValue = Arrays.stream(type.getMethods())
                .filter(m -> m.isAnnotationPresent(JsonValue.class) && m.getParameterCount() == 0)
                .findFirst().orElse(null);
        return Arrays.stream(type.getEnumConstants()).map(constant -> {
            try {
                return String.valueOf(jsonValue == null ? constant : jsonValue.invoke(constant));
            } catch (ReflectiveOperationException e) {
                return constant.toString();
            }
        }).toList();
    }

    /** Why the value cannot be a parameter of the type, or null when it can. */
    static String refusal(Class<?> type, String value) {
        int bad = Text.firstForbiddenInParameter(value);
        if (bad >= 0) {
            return Text.refusal(value, bad);
        }
        if (type == Integer.class || type == int.class) {
            Long number = Formats.integer(value);
            return number == null || number != number.intValue() ? Formats.INTEGER_MESSAGE : null;
        }
        if (type == Long.class || type == long.class) {
            return Formats.integer(value) == null ? Formats.INTEGER_MESSAGE : null;
        }
        if (type == Boolean.class || type == boolean.class) {
            return Formats.bool(value) == null ? Formats.BOOLEAN_MESSAGE : null;
        }
        if (type == UUID.class) {
            return Formats.uuid(value) == null ? Formats.UUID_MESSAGE : null;
        }
        if (type == LocalDate.class) {
            return Formats.date(value) == null ? Formats.DATE_MESSAGE : null;
        }
        if (type == OffsetDateTime.class) {
            return Formats.dateTime(value) == null ? Formats.DATE_TIME_MESSAGE : null;
        }
        if (type.isEnum()) {
            List<String> allowed = wireValues(type);
            return allowed.contains(value) ? null : "must be one of " + allowed;
        }
        return null;
    }
}
