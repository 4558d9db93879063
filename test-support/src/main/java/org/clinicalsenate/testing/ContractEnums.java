package org.clinicalsenate.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The values the served contract ({@code META-INF/openapi.yaml}) lists for a schema: its
 * {@code enum}, or its {@code x-extensible-enum} for an open list. For tests that a domain enum
 * and the contract agree value for value.
 */
public final class ContractEnums {

    private ContractEnums() {
    }

    public static List<String> values(String schema) {
        JsonNode node = servedContract().at("/components/schemas/" + schema);
        JsonNode values = node.has("enum") ? node.get("enum") : node.path("x-extensible-enum");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("The served contract has no enum or open list " + schema);
        }
        List<String> list = new ArrayList<>();
        values.forEach(v -> list.add(v.asText()));
        return list;
    }

    private static JsonNode servedContract() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("No META-INF/openapi.yaml on the test class path");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
