package org.clinicalsenate.commons.problem;

import jakarta.ws.rs.core.Response.Status;

/** The problem types every service answers with; the URN is the RFC 9457 {@code type}. */
public enum ProblemType {
    VALIDATION(400, "validation", "Request is not valid"),
    MALFORMED_JSON(400, "malformed-json", "Request body is not valid JSON"),
    MALFORMED_REQUEST(400, "malformed-request", "HTTP request is malformed"),
    INVALID_CURSOR(400, "invalid-cursor", "Cursor is not valid"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    IDEMPOTENCY_IN_PROGRESS(409, "idempotency-in-progress", "A request with this Idempotency-Key is in progress"),
    STALE_VERSION(412, "stale-version", "Stale version"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    RULE_VIOLATED(422, "rule-violated", "Rule violated"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency-Key reused with another request"),
    IF_MATCH_REQUIRED(428, "if-match-required", "If-Match required"),
    HEADER_FIELDS_TOO_LARGE(431, "request-header-fields-too-large", "Request header fields too large"),
    INTERNAL(500, "internal", "Internal error"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable");

    private static final String PREFIX = "urn:clinical-senate:problem:";

    public final int status;
    public final String uri;
    public final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.uri = PREFIX + slug;
        this.title = title;
    }

    /** The generic type for an HTTP status the platform did not raise itself. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }

    public Status httpStatus() {
        return Status.fromStatusCode(status);
    }
}
