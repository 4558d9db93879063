package org.clinicalsenate.commons.database;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A value bound to native SQL as JSON text: the rows of a batch statement as one array (read with
 * {@code jsonb_array_elements(CAST(:rows AS jsonb))}, one statement whatever their number), or a
 * body stored as it is. Plain Jackson, as Hibernate reads and writes jsonb columns: the REST
 * mapper's customisations must not change what is stored.
 */
public final class JsonParameter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonParameter() {
    }

    public static String of(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
