package org.clinicalsenate.commons.domain;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;

/**
 * A domain enum whose contract and database value is its constant's name in kebab case
 * ({@code NOT_RENEWED} is {@code not-renewed}). Each enum declares its JPA converter as
 * {@code @Converter(autoApply = true) public static class Db extends KebabCase.ColumnConverter<E>}.
 */
public interface KebabCase {

    String name();

    /** The contract's (and the database's) value, e.g. {@code not-renewed}. */
    default String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E> & KebabCase> E fromValue(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.value().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("Unknown " + type.getSimpleName() + " '" + value + "'");
    }

    /** Stores the enum as its value; a subclass per enum is the {@code @Converter}. */
    abstract class ColumnConverter<E extends Enum<E> & KebabCase> implements AttributeConverter<E, String> {

        private final Class<E> type;

        protected ColumnConverter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : value.value();
        }

        @Override
        public E convertToEntityAttribute(String value) {
            return value == null ? null : fromValue(type, value);
        }
    }
}
