package org.clinicalsenate.commons.problem;

import java.util.List;

import org.clinicalsenate.api.common.model.FieldError;

/**
 * Thrown by domain and service code for any failure the caller should see; the mapper turns it
 * into an RFC 9457 response. Carries no stack trace to the client.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final List<String> allowed;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors, List<String> allowed) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.allowed = List.copyOf(allowed);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    /** A rule of the domain is broken by an otherwise valid request; names the offending field. */
    public static ProblemException ruleViolated(String field, String message) {
        return new ProblemException(ProblemType.RULE_VIOLATED, field + " " + message,
                List.of(new FieldError(field, message)), List.of());
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + " " + message,
                List.of(new FieldError(field, message)), List.of());
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public List<String> allowed() {
        return allowed;
    }
}
