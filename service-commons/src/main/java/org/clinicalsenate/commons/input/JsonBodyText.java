package org.clinicalsenate.commons.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.clinicalsenate.commons.problem.ProblemException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every string and key of a JSON request body, at any depth (free-form maps such as a CloudEvent's
 * {@code data} included), must be acceptable {@link Text}; otherwise a 400 names its JSON path.
 * Runs before the body is bound, so the check holds whatever type the body becomes.
 * Malformed JSON is left for the reader itself to report.
 */
@Provider
public class JsonBodyText implements ReaderInterceptor {

    @Inject
    ObjectMapper mapper;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !isJson(type)) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        check(mapper, body);
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    static boolean isJson(MediaType type) {
        String subtype = type.getSubtype().toLowerCase();
        return subtype.equals("json") || subtype.endsWith("+json");
    }

    /** Throws a 400 problem naming the first string or key that is not acceptable text. */
    public static void check(ObjectMapper mapper, byte[] json) throws IOException {
        if (json.length == 0) {
            return;
        }
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                    String text = parser.getText();
                    int bad = Text.firstForbiddenInJson(text);
                    if (bad >= 0) {
                        // for a key, the path ends with the key itself
                        String path = pathOf(parser.getParsingContext());
                        String message = token == JsonToken.FIELD_NAME
                                ? "is a key that " + Text.refusal(text, bad)
                                : Text.refusal(text, bad);
                        throw ProblemException.invalid(path.isEmpty() ? "body" : path, message);
                    }
                }
            }
        } catch (JsonProcessingException malformed) {
            // the reader reports it, with its position
        }
    }

    /** The JSON path in the form the problem's errors[].field uses, e.g. {@code data.items[2].name}. */
    static String pathOf(JsonStreamContext context) {
        StringBuilder out = new StringBuilder();
        append(out, context);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return;
        }
        append(out, context.getParent());
        if (context.inArray()) {
            out.append('[').append(Math.max(context.getCurrentIndex(), 0)).append(']');
        } else if (context.getCurrentName() != null) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(Text.printable(context.getCurrentName()));
        }
    }
}
