package org.clinicalsenate.commons.input;

/**
 * What text the platform accepts: no control characters (Unicode category Cc, U+0000-U+001F and
 * U+007F-U+009F) and no unpaired surrogate, which PostgreSQL refuses or which no legitimate client
 * sends. Multi-line text in JSON bodies may use TAB, LF and CR; parameters (path, query, header)
 * are single-line and may use none.
 */
public final class Text {

    private Text() {
    }

    /** The first character a JSON string may not hold, or -1. */
    public static int firstForbiddenInJson(CharSequence text) {
        return firstForbidden(text, true);
    }

    /** The first character a path, query or header parameter may not hold, or -1. */
    public static int firstForbiddenInParameter(CharSequence text) {
        return firstForbidden(text, false);
    }

    private static int firstForbidden(CharSequence text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (!(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                    return i;
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Says which character was refused, e.g. "must not contain control characters (U+0000)". */
    public static String refusal(CharSequence text, int index) {
        char c = text.charAt(index);
        return Character.isSurrogate(c)
                ? String.format("must be valid Unicode text (unpaired surrogate U+%04X)", (int) c)
                : String.format("must not contain control characters (U+%04X)", (int) c);
    }

    /** The text with every control character and surrogate written as \\uXXXX, safe to echo in a problem. */
    public static String printable(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
