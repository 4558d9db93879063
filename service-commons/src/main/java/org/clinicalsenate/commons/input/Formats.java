package org.clinicalsenate.commons.input;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The strict textual forms of the contract's formats, for bodies and parameters alike: RFC 3339
 * full-date and date-time (with seconds and an offset), canonical UUIDs. Anything else, including
 * numbers, partial or lenient forms, is refused rather than guessed.
 */
public final class Formats {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,19}");

    public static final String DATE_MESSAGE = "must be a valid ISO date (yyyy-mm-dd)";
    public static final String DATE_TIME_MESSAGE = "must be a valid RFC 3339 date-time (e.g. 2026-11-23T10:15:30Z)";
    public static final String UUID_MESSAGE = "must be a valid UUID";
    public static final String INTEGER_MESSAGE = "must be a valid integer";
    public static final String BOOLEAN_MESSAGE = "must be a valid boolean (true or false)";

    private Formats() {
    }

    /** The date, or null when the text is not exactly an existing yyyy-mm-dd date. */
    public static LocalDate date(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The date-time, or null when the text is not an RFC 3339 date-time. */
    public static OffsetDateTime dateTime(String text) {
        if (text == null || !DATE_TIME.matcher(text).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The UUID, or null unless the text is its canonical 8-4-4-4-12 hex form. */
    public static UUID uuid(String text) {
        return text != null && UUID_FORM.matcher(text).matches() ? UUID.fromString(text) : null;
    }

    /** The number, or null unless the text is ASCII digits (optionally negative) within a long. */
    public static Long integer(String text) {
        if (text == null || !INTEGER.matcher(text).matches()) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** TRUE or FALSE for exactly "true" or "false", otherwise null. */
    public static Boolean bool(String text) {
        return "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : null;
    }
}
