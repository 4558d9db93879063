package org.clinicalsenate.commons.http;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Singleton;

import org.clinicalsenate.commons.input.Formats;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON as the contract says. Absent optional fields are left out rather than sent as null. Reading
 * is strict: no scalar is coerced into another type (a number is not a string, a string is not a
 * boolean or a number, a float is not an integer, an integer is not an enum, "" is not a value of
 * any other type); dates, date-times and UUIDs are accepted only in their exact textual forms
 * ({@link Formats}); duplicate keys and anything after the JSON value are malformed.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);

        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.String,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.EmptyString);
        for (LogicalType structured : new LogicalType[] { LogicalType.POJO, LogicalType.Map, LogicalType.Collection,
                LogicalType.Array, LogicalType.OtherScalar, LogicalType.DateTime }) {
            refuse(mapper, structured, CoercionInputShape.EmptyString, CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean);
        }

        SimpleModule exactForms = new SimpleModule("exact-forms");
        exactForms.addDeserializer(LocalDate.class, new Exact<>(LocalDate.class, Formats::date, Formats.DATE_MESSAGE));
        exactForms.addDeserializer(OffsetDateTime.class,
                new Exact<>(OffsetDateTime.class, Formats::dateTime, Formats.DATE_TIME_MESSAGE));
        exactForms.addDeserializer(UUID.class, new Exact<>(UUID.class, Formats::uuid, Formats.UUID_MESSAGE));
        // a generated enum's creator takes any scalar as its text: only a JSON string is an enum value
        exactForms.setDeserializerModifier(new BeanDeserializerModifier() {
            // the contract's uniqueItems arrays are Sets: a repeated item is refused, not silently dropped
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return Set.class.isAssignableFrom(type.getRawClass()) ? new NoRepeats(type) : deserializer;
            }

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new StringOnly(deserializer);
            }
        });
        mapper.registerModule(exactForms);
    }

    /** After the modules Quarkus registers (e.g. Java time), so that these forms are the ones in force. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** A set read as the array it is sent as: an item sent twice is an error naming the set. */
    static final class NoRepeats extends StdDeserializer<Set<?>> {
        private final CollectionType type;

        NoRepeats(CollectionType type) {
            super(type);
            this.type = type;
        }

        @Override
        public Set<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            List<?> items = ctxt.readValue(p,
                    ctxt.getTypeFactory().constructCollectionType(List.class, type.getContentType()));
            Set<Object> set = new LinkedHashSet<>(items);
            if (set.size() < items.size()) {
                throw InvalidFormatException.from(p, REPEATED_ITEM, items, Set.class);
            }
            return set;
        }
    }

    /** The message of a uniqueItems array with a repeated item. */
    public static final String REPEATED_ITEM = "must not contain the same item twice";

    /** Reads a value only from a JSON string, then as the wrapped deserializer does. */
    static final class StringOnly extends DelegatingDeserializer {
        StringOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new StringOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return super.deserialize(p, ctxt);
        }
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** A value that only a JSON string in its exact form gives; anything else is a wrong type. */
    static final class Exact<T> extends StdScalarDeserializer<T> {
        private final transient Function<String, T> parse;
        private final String message;

        Exact(Class<T> type, Function<String, T> parse, String message) {
            super(type);
            this.parse = parse;
            this.message = message;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            T value = parse.apply(text);
            if (value == null) {
                return (T) ctxt.handleWeirdStringValue(handledType(), text, message);
            }
            return value;
        }
    }
}
