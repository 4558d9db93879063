package org.clinicalsenate.notification.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.clinicalsenate.api.notification.model.EventTypeDescription;
import org.clinicalsenate.commons.events.EventCatalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The event types integrators may subscribe to, with the schema of their {@code data}, read from the
 * events contract itself (references to its other schemas written out, so that each schema stands
 * alone). This service's own notices are not delivered by webhook and are not listed.
 */
@Singleton
public class EventTypes {

    private static final String OWN_SOURCE = "/notification-service";

    private final List<EventTypeDescription> types;

    public EventTypes() {
        types = read();
    }

    public List<EventTypeDescription> all() {
        return types;
    }

    private static List<EventTypeDescription> read() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream in = EventTypes.class.getClassLoader().getResourceAsStream(EventCatalog.CONTRACT)) {
            JsonNode schemas = yaml.readTree(in).path("components").path("schemas");
            List<EventTypeDescription> found = new ArrayList<>();
            schemas.properties().forEach(schema -> {
                JsonNode type = schema.getValue().get("x-event-type");
                String source = schema.getValue().path("x-event-source").asText();
                if (type != null && !OWN_SOURCE.equals(source)) {
                    ObjectNode inlined = (ObjectNode) inline(schema.getValue(), schemas, 0);
                    String description = inlined.path("description").asText(null);
                    found.add(new EventTypeDescription()
                            .type(type.asText())
                            .source(source)
                            .description(description == null ? null : description.strip())
                            .schema(yaml.convertValue(inlined, new TypeReference<Map<String, Object>>() {
                            })));
                }
            });
            found.sort((a, b) -> a.getType().compareTo(b.getType()));
            return List.copyOf(found);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + EventCatalog.CONTRACT, e);
        }
    }

    /** The schema with its {@code #/components/schemas/...} references replaced by what they name. */
    private static JsonNode inline(JsonNode node, JsonNode schemas, int depth) {
        if (depth > 20) {
            return node;
        }
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.asText().startsWith("#/components/schemas/")) {
                JsonNode target = schemas.get(ref.asText().substring("#/components/schemas/".length()));
                return target == null ? node : inline(target, schemas, depth + 1);
            }
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), inline(e.getValue(), schemas, depth + 1)));
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = ((com.fasterxml.jackson.databind.node.ArrayNode) node)
                    .arrayNode();
            node.forEach(item -> copy.add(inline(item, schemas, depth + 1)));
            return copy;
        }
        return node;
    }
}
