package org.clinicalsenate.commons.mapping;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.commons.problem.ProblemException;

/**
 * The contract's open lists ({@code type: string} with {@code x-extensible-enum}: statuses,
 * outcomes, reasons that may grow) against the domain's enums. Generated clients see plain
 * strings, so that a value added later does not break them; the server still takes only the
 * values it knows, and refuses any other with a 400 problem naming the field and listing them.
 * <p>
 * A mapper names each open list's conversion by its types ({@code String toApi(Profession)}
 * calling {@link #value}): a method taking any enum would make MapStruct route closed enums
 * through strings too.
 */
public final class OpenEnums {

    private OpenEnums() {
    }

    /** The contract's value: the kebab-case value of a {@link KebabCase} enum, else the constant's name. */
    public static String value(Enum<?> constant) {
        if (constant == null) {
            return null;
        }
        return constant instanceof KebabCase kebab ? kebab.value() : constant.name();
    }

    /** The constant of {@code type} whose value is {@code value} (null for null); 400 for any other. */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        return parse(Arrays.asList(type.getEnumConstants()), field, value);
    }

    /** The one of {@code known} whose value is {@code value} (null for null); 400 for any other. */
    public static <E extends Enum<E>> E parse(Collection<E> known, String field, String value) {
        if (value == null) {
            return null;
        }
        for (E constant : known) {
            if (value(constant).equals(value)) {
                return constant;
            }
        }
        List<String> values = known.stream().map(OpenEnums::value).toList();
        throw ProblemException.invalid(field, "must be one of " + values);
    }
}
