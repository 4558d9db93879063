package org.clinicalsenate.notification.service;

import java.util.List;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.clinicalsenate.api.common.model.CloudEvent;
import org.clinicalsenate.api.common.model.FieldError;
import org.clinicalsenate.commons.events.EventCatalog;
import org.clinicalsenate.commons.events.EventCatalog.EventType;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemMappers;
import org.clinicalsenate.commons.problem.ProblemType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What notification-service accepts from a producer: an event whose {@code source} is the calling
 * service, whose {@code type} is one of the events contract that this source produces, and whose
 * {@code data} is valid against that type's schema (read into the type's generated class: no
 * unknown field, every required one, each within its constraints). Anything else is refused before
 * anything is stored.
 */
@ApplicationScoped
public class IncomingEvents {

    @Inject
    EventCatalog catalog;

    @Inject
    Validator validator;

    @Inject
    ObjectMapper json;

    /** The application's JSON rules, and a field the type does not define is an error. */
    private ObjectMapper strict;

    @PostConstruct
    void init() {
        strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * @param event        the event as received
     * @param callerSource the source of the service that sent it ({@code /<client id>})
     */
    public void check(CloudEvent event, String callerSource) {
        if (!event.getSource().equals(callerSource)) {
            throw ProblemException.forbidden("An event's source must be the service that sends it (" + callerSource
                    + "), not " + event.getSource());
        }
        EventType type = catalog.ofType(event.getType()).orElseThrow(() -> ProblemException.ruleViolated("type",
                "is not an event type of the events contract (" + String.join(", ", catalog.types().keySet()) + ")"));
        if (!type.source().equals(event.getSource())) {
            throw ProblemException.ruleViolated("type", "is published by " + type.source() + ", not by "
                    + event.getSource());
        }
        if (event.getData() == null || event.getData().isEmpty()) {
            throw ProblemException.ruleViolated("data", "is required for a " + type.type() + " event");
        }
        Object data;
        try {
            data = strict.convertValue(event.getData(), type.dataClass());
        } catch (IllegalArgumentException e) {
            FieldError error = e.getCause() instanceof JsonMappingException mapping
                    ? ProblemMappers.fieldError(mapping) : new FieldError("", "is not valid");
            throw invalid(type, List.of(new FieldError(prefixed(error.getField()), error.getMessage())));
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw invalid(type, violations.stream()
                    .map(v -> new FieldError(prefixed(ProblemMappers.fieldOf(v)), ProblemMappers.messageOf(v)))
                    .sorted((a, b) -> a.getField().compareTo(b.getField()))
                    .toList());
        }
    }

    private static String prefixed(String field) {
        return field == null || field.isEmpty() ? "data" : "data." + field;
    }

    private static ProblemException invalid(EventType type, List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).getField() + " " + errors.get(0).getMessage()
                : errors.size() + " fields of the data are not valid";
        return new ProblemException(ProblemType.RULE_VIOLATED,
                detail + " (the schema of " + type.type() + " in the events contract)", errors, List.of());
    }
}
