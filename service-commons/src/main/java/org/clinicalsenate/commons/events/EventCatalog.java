package org.clinicalsenate.commons.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The platform's event types, as the events contract ({@code events.yaml}) defines them: each
 * schema with an {@code x-event-type} is the {@code data} of that type, produced by the service its
 * {@code x-event-source} names, and generated as the class of the same name in
 * {@value #MODEL_PACKAGE}. Read from the contract itself, so a type added there is known here
 * without a second list to keep.
 */
@Singleton
public class EventCatalog {

    public static final String CONTRACT = "openapi/events.yaml";
    public static final String MODEL_PACKAGE = "org.clinicalsenate.api.events.model";

    /** One event type: its name, the source that produces it and the class of its data. */
    public record EventType(String type, String source, Class<?> dataClass) {
    }

    private final Map<String, EventType> byType;
    private final Map<Class<?>, EventType> byClass = new LinkedHashMap<>();

    public EventCatalog() {
        this(EventCatalog.class.getClassLoader());
    }

    EventCatalog(ClassLoader loader) {
        byType = read(loader);
        byType.values().forEach(t -> byClass.put(t.dataClass(), t));
    }

    public Optional<EventType> ofType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The type whose data this is; a class that is no event's data is a programming error. */
    public EventType ofData(Object data) {
        EventType type = byClass.get(data.getClass());
        if (type == null) {
            throw new IllegalArgumentException(data.getClass().getName() + " is not the data of an event type of "
                    + CONTRACT);
        }
        return type;
    }

    public Map<String, EventType> types() {
        return Map.copyOf(byType);
    }

    private static Map<String, EventType> read(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(CONTRACT)) {
            if (in == null) {
                throw new IllegalStateException("No " + CONTRACT + " on the class path (api-spec)");
            }
            JsonNode schemas = new ObjectMapper(new YAMLFactory()).readTree(in).path("components").path("schemas");
            Map<String, EventType> types = new LinkedHashMap<>();
            schemas.properties().forEach(schema -> {
                JsonNode type = schema.getValue().get("x-event-type");
                if (type != null) {
                    types.put(type.asText(), new EventType(type.asText(),
                            schema.getValue().path("x-event-source").asText(), dataClass(loader, schema.getKey())));
                }
            });
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CONTRACT, e);
        }
    }

    private static Class<?> dataClass(ClassLoader loader, String schema) {
        try {
            return Class.forName(MODEL_PACKAGE + "." + schema, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("No generated class for event schema " + schema, e);
        }
    }
}
