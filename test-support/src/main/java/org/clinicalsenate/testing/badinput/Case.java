package org.clinicalsenate.testing.badinput;

import java.util.Map;

/**
 * One bad request: what it breaks (family and description, for the report), how it is sent, and
 * what must come back besides a declared 4xx problem: an exact status and a named field, when known.
 */
record Case(String family, String description, String path, String query, Map<String, String> headers,
        String token, byte[] body, String contentType, Integer expectStatus, String expectField) {

    String url() {
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }
}
