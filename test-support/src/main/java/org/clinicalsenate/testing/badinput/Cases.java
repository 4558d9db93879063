package org.clinicalsenate.testing.badinput;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * Generates the bad requests for one operation from its schemas, around a valid baseline (real path
 * ids, a current If-Match, a token of a role the operation allows, the contract's example body):
 * first every deterministic mutation (each field and parameter, each kind of fault), then seeded
 * random ones up to the operation's share of the run.
 */
final class Cases {

    /** Characters no text may hold (TAB, LF and CR are allowed in JSON strings, so not here). */
    static final List<String> CONTROLS = List.of("\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c",
            "\u001b", "\u001f", "\u007f", "\u0080", "\u0085", "\u009f", "\ud800", "\udfff");
    /** Controls a parameter may not hold either (sent percent-encoded). */
    static final List<String> PARAMETER_CONTROLS = List.of("\u0000", "\u0001", "\t", "\n", "\r", "\u001b",
            "\u007f", "\u0085");

    /** Non-ASCII text is sent escaped, so that unpaired surrogates reach the service as they are. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What a valid request of the operation is made of. */
    record Baseline(Map<String, String> pathValues, String token, String ifMatch, JsonNode body) {
    }

    /** Forged bearer tokens: each must be a 401. */
    record ForgedToken(String description, String token) {
    }

    private final Operation operation;
    private final Baseline baseline;
    private final List<ForgedToken> forgedTokens;
    private final List<Case> cases = new ArrayList<>();

    private Cases(Operation operation, Baseline baseline, List<ForgedToken> forgedTokens) {
        this.operation = operation;
        this.baseline = baseline;
        this.forgedTokens = forgedTokens;
    }

    static List<Case> of(Operation operation, Baseline baseline, List<ForgedToken> forgedTokens, Random random,
            int atLeast) {
        Cases cases = new Cases(operation, baseline, forgedTokens);
        cases.deterministic();
        int deterministic = cases.cases.size();
        for (int i = 0; deterministic + i < atLeast; i++) {
            cases.random(random);
        }
        return cases.cases;
    }

    // ---------------------------------------------------------------- deterministic cases

    private void deterministic() {
        for (ForgedToken forged : forgedTokens) {
            add(new Case("token", "bearer token: " + forged.description(), path(Map.of()), null, headers(null),
                    forged.token(), bodyBytes(baseline.body()), contentType(), 401, null));
        }
        for (Parameter parameter : operation.parameters()) {
            switch (parameter.getIn()) {
                case "path" -> pathCases(parameter);
                case "query" -> queryCases(parameter);
                case "header" -> headerCases(parameter);
                default -> { }
            }
        }
        if (operation.body() != null) {
            malformedBodies();
            fieldCases(operation.body(), baseline.body(), new ArrayList<>(), true);
        }
    }

    private void pathCases(Parameter parameter) {
        String name = parameter.getName();
        Schema<?> schema = parameter.getSchema();
        // no '/' or dot segments: they would make another path, not a bad value of this one
        List<String> values = new ArrayList<>(List.of("not-an-id", "1", "-", "a".repeat(300), "%", "é", "NOT_VALID",
                " ", "a;b", "a?b", "a#b"));
        if ("uuid".equals(schema.getFormat())) {
            values.addAll(List.of("1-1-1-1-1", "00000000000000000000000000000000", "{" + java.util.UUID.randomUUID() + "}",
                    "3f2a8f0e-8d1c-4b5e-9f0a-2b1c3d4e5f6", "3f2a8f0e-8d1c-4b5e-9f0a-2b1c3d4e5f60a",
                    "zzzzzzzz-8d1c-4b5e-9f0a-2b1c3d4e5f60"));
            // a well-formed id of nothing: not found, not stored
            add(new Case("path", name + " = an id of nothing", path(Map.of(name, "00000000-0000-4000-8000-000000000000")),
                    null, headers(baseline.ifMatch()), baseline.token(), bodyBytes(baseline.body()), contentType(),
                    null, null));
        }
        values.removeIf(value -> !violates(schema, value));
        for (String value : values) {
            add(new Case("path", name + " = '" + shorten(value) + "'", path(Map.of(name, value)), null,
                    headers(baseline.ifMatch()), baseline.token(), bodyBytes(baseline.body()), contentType(), null,
                    null));
        }
        for (String control : PARAMETER_CONTROLS) {
            String value = baseline.pathValues().getOrDefault(name, "x") + control;
            add(new Case("control", name + " with " + codePoint(control), path(Map.of(name, value)), null,
                    headers(baseline.ifMatch()), baseline.token(), bodyBytes(baseline.body()), contentType(), null,
                    null));
        }
    }

    private void queryCases(Parameter parameter) {
        String name = parameter.getName();
        Schema<?> schema = parameter.getSchema();
        List<String> values = new ArrayList<>(wrongTexts(schema));
        for (String value : values) {
            query(name, value, "query", null, null);
        }
        for (String control : PARAMETER_CONTROLS) {
            query(name, textSample(schema) + control + "x", "control", 400, name);
        }
    }

    private void query(String name, String value, String family, Integer status, String field) {
        add(new Case(family, name + " = '" + shorten(value) + "'", path(Map.of()), encode(name) + "=" + encode(value),
                headers(baseline.ifMatch()), baseline.token(), bodyBytes(baseline.body()), contentType(), status,
                field));
    }

    private void headerCases(Parameter parameter) {
        String name = parameter.getName();
        if (name.equalsIgnoreCase("If-Match")) {
            if (Boolean.TRUE.equals(parameter.getRequired())) {
                add(new Case("if-match", "If-Match missing", path(Map.of()), null, headers(null), baseline.token(),
                        bodyBytes(baseline.body()), contentType(), 428, null));
            }
            for (String wrong : List.of("\"999999\"", "\"-1\"", "abc", "W/\"999999\"", "\"\"", "\"999999\" garbage")) {
                Map<String, String> headers = headers(null);
                headers.put("If-Match", wrong);
                add(new Case("if-match", "If-Match " + wrong, path(Map.of()), null, headers, baseline.token(),
                        bodyBytes(baseline.body()), contentType(), null, null));
            }
        }
        Schema<?> schema = parameter.getSchema();
        List<String> values = new ArrayList<>();
        if (schema.getMaxLength() != null) {
            values.add("k".repeat(schema.getMaxLength() + 1));
        }
        if (schema.getMinLength() != null && schema.getMinLength() > 0) {
            values.add("");
        }
        // (control characters in headers: C0 ones are refused by the HTTP parser itself, and HTTP clients
        // send no others; ParameterRules refuses them like any parameter's)
        for (String value : values) {
            Map<String, String> headers = headers(baseline.ifMatch());
            headers.put(name, value);
            add(new Case("header", name + " = '" + shorten(value) + "'", path(Map.of()), null, headers, baseline.token(),
                    bodyBytes(baseline.body()), contentType(), null, null));
        }
    }

    private void malformedBodies() {
        String valid = text(baseline.body());
        List<String> malformed = new ArrayList<>(List.of("{", "{\"a\":", "[", "nul", "{\"a\":1,}", "{'a':1}",
                "{\"a\":1}}", "{\"a\" 1}", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":\"\u0001\"}", valid + " x", valid + valid,
                "\"text\"", "42", "true", "[]", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}"));
        if (operation.bodyRequired()) {
            malformed.addAll(List.of("", "null"));
        }
        for (String body : malformed) {
            add(new Case("malformed", "body: " + shorten(body), path(Map.of()), null, headers(baseline.ifMatch()),
                    baseline.token(), body.getBytes(StandardCharsets.UTF_8), contentType(), 400, null));
        }
        add(new Case("malformed", "body: invalid UTF-8", path(Map.of()), null, headers(baseline.ifMatch()),
                baseline.token(), new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}' },
                contentType(), 400, null));
        add(new Case("malformed", "body: duplicate key", path(Map.of()), null, headers(baseline.ifMatch()),
                baseline.token(), duplicateKey(valid).getBytes(StandardCharsets.UTF_8), contentType(), 400, null));
        add(new Case("malformed", "body: nested 2000 deep", path(Map.of()), null, headers(baseline.ifMatch()),
                baseline.token(), ("[".repeat(2000) + "]".repeat(2000)).getBytes(StandardCharsets.UTF_8), contentType(),
                400, null));
    }

    private static String duplicateKey(String validObject) {
        int colon = validObject.indexOf(':');
        int open = validObject.indexOf('{');
        return colon < 0 || open < 0 ? "{\"a\":1,\"a\":2}"
                : "{" + validObject.substring(open + 1, colon) + ":1," + validObject.substring(open + 1);
    }

    /** Every fault of each field of the body, recursively. */
    private void fieldCases(Schema<?> schema, JsonNode value, List<Object> path, boolean required) {
        if (!path.isEmpty() && "object".equals(typeOf(schema)) && !(value instanceof ObjectNode)) {
            // an optional object the baseline leaves out: give it a valid value to break field by field
            JsonNode saved = currentBody;
            currentBody = with(base(), path, sample(schema));
            fieldCases(schema, get(currentBody, path), path, required);
            currentBody = saved;
            return;
        }
        if (!path.isEmpty()) {
            if (required) {
                bodyCase("missing", "missing required " + show(path), remove(path), 400, null);
                if (!Boolean.TRUE.equals(schema.getNullable())) {
                    bodyCase("type", show(path) + " = null", set(path, NODES.nullNode()), 400, null);
                }
            }
            for (JsonNode wrong : wrongValues(schema)) {
                bodyCase(family(schema), show(path) + " = " + shorten(text(wrong)), set(path, wrong), 400,
                        isDate(schema) ? show(path) : null);
            }
        }
        String type = typeOf(schema);
        switch (type) {
            case "string" -> {
                String base = value != null && value.isTextual() ? value.asText() : textSample(schema);
                for (String control : CONTROLS) {
                    bodyCase("control", show(path) + " with " + codePoint(control),
                            set(path, NODES.textNode(insert(base, control, base.length() / 2))), 400, show(path));
                }
            }
            case "object" -> {
                ObjectNode object = value instanceof ObjectNode o ? o : NODES.objectNode();
                Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
                List<String> requiredNames = schema.getRequired() == null ? List.of() : schema.getRequired();
                for (Map.Entry<String, Schema> property : properties.entrySet()) {
                    List<Object> child = append(path, property.getKey());
                    fieldCases(property.getValue(), object.get(property.getKey()), child,
                            requiredNames.contains(property.getKey()));
                }
                for (String control : List.of("\u0000", "\u001b", "\u0085")) {
                    String key = "key" + control;
                    bodyCase("control", "key " + show(append(path, key)), set(append(path, key), NODES.textNode("v")), 400,
                            show(append(path, key)));
                }
                if (properties.isEmpty() || Boolean.TRUE.equals(schema.getAdditionalProperties())) {
                    // free-form: text deep inside nested maps and lists is checked too
                    ObjectNode deep = NODES.objectNode();
                    deep.putObject("nested").putArray("list").add("ok").addObject().put("text", "bad\u0000");
                    bodyCase("control", show(append(path, "deep")) + " nested control",
                            set(append(path, "deep"), deep), 400, show(path) + (path.isEmpty() ? "" : ".")
                                    + "deep.nested.list[1].text");
                }
            }
            case "array" -> {
                Schema<?> items = schema.getItems();
                ArrayNode array = value instanceof ArrayNode a && !a.isEmpty() ? a : null;
                JsonNode item = array != null ? array.get(0) : sample(items);
                if (schema.getMaxItems() != null) {
                    ArrayNode tooMany = NODES.arrayNode();
                    for (int i = 0; i <= schema.getMaxItems(); i++) {
                        tooMany.add(item);
                    }
                    bodyCase("range", show(path) + " with " + tooMany.size() + " items", set(path, tooMany), 400, null);
                }
                if (schema.getMinItems() != null && schema.getMinItems() > 0) {
                    bodyCase("range", show(path) + " empty", set(path, NODES.arrayNode()), 400, null);
                }
                if (Boolean.TRUE.equals(schema.getUniqueItems())) {
                    bodyCase("range", show(path) + " with a repeated item", set(path, NODES.arrayNode().add(item).add(item)),
                            400, null);
                }
                if (items != null) {
                    // the first item stands for all
                    JsonNode current = value instanceof ArrayNode a ? a : NODES.arrayNode().add(item);
                    JsonNode saved = currentBody;
                    currentBody = with(currentBody, path, current.isEmpty() ? NODES.arrayNode().add(item) : current);
                    fieldCases(items, ((ArrayNode) get(currentBody, path)).get(0), append(path, 0), false);
                    currentBody = saved;
                }
            }
            default -> { }
        }
    }

    /** The body the field cases mutate (the baseline, or a variant of it for items). */
    private JsonNode currentBody;

    private JsonNode base() {
        return currentBody != null ? currentBody : baseline.body();
    }

    private void bodyCase(String family, String description, JsonNode body, Integer status, String field) {
        add(new Case(family, description, path(Map.of()), null, headers(baseline.ifMatch()), baseline.token(),
                bodyBytes(body), contentType(), status, field));
    }

    // ---------------------------------------------------------------- random cases

    private void random(Random random) {
        List<Supplier<Case>> kinds = new ArrayList<>();
        List<Parameter> parameters = operation.parameters();
        if (!parameters.isEmpty()) {
            kinds.add(() -> randomParameter(parameters.get(random.nextInt(parameters.size())), random));
        }
        if (operation.body() != null) {
            kinds.add(() -> randomField(random));
            kinds.add(() -> randomField(random));
            kinds.add(() -> truncated(random));
        }
        kinds.add(() -> {
            ForgedToken forged = forgedTokens.get(random.nextInt(forgedTokens.size()));
            return new Case("token", "bearer token: " + forged.description(), path(Map.of()), null,
                    headers(baseline.ifMatch()), forged.token(), bodyBytes(baseline.body()), contentType(), 401,
                    null);
        });
        add(kinds.get(random.nextInt(kinds.size())).get());
    }

    private Case randomParameter(Parameter parameter, Random random) {
        String control = PARAMETER_CONTROLS.get(random.nextInt(PARAMETER_CONTROLS.size()));
        String value = randomText(random, 1 + random.nextInt(40));
        value = insert(value, control, random.nextInt(value.length() + 1));
        String name = parameter.getName();
        return switch (parameter.getIn()) {
            case "path" -> new Case("control", name + " random '" + shorten(value) + "'",
                    path(Map.of(name, value.replace('/', '_').replace('.', '_'))), null,
                    headers(baseline.ifMatch()), baseline.token(), bodyBytes(baseline.body()), contentType(), null,
                    null);
            case "query" -> new Case("control", name + " random '" + shorten(value) + "'", path(Map.of()),
                    encode(name) + "=" + encode(value), headers(baseline.ifMatch()), baseline.token(),
                    bodyBytes(baseline.body()), contentType(), 400, name);
            default -> {
                Map<String, String> headers = headers(baseline.ifMatch());
                if (name.equalsIgnoreCase("If-Match")) {
                    headers.put(name, "\"" + (1_000_000 + random.nextInt(1_000_000)) + "\"");
                    yield new Case("if-match", "If-Match random stale version", path(Map.of()), null, headers,
                            baseline.token(), bodyBytes(baseline.body()), contentType(), null, null);
                }
                Integer max = parameter.getSchema().getMaxLength();
                headers.put(name, randomAscii(random, (max == null ? 255 : max) + 1 + random.nextInt(100)));
                yield new Case("header", name + " random over-long", path(Map.of()), null, headers, baseline.token(),
                        bodyBytes(baseline.body()), contentType(), 400, name);
            }
        };
    }

    private Case randomField(Random random) {
        List<Field> fields = new ArrayList<>();
        collect(operation.body(), new ArrayList<>(), fields);
        if (fields.isEmpty()) {
            return truncated(random);
        }
        Field field = fields.get(random.nextInt(fields.size()));
        if ("string".equals(typeOf(field.schema())) && random.nextBoolean()) {
            String control = CONTROLS.get(random.nextInt(CONTROLS.size()));
            String text = randomText(random, random.nextInt(60));
            text = insert(text, control, random.nextInt(text.length() + 1));
            return new Case("control", show(field.path()) + " random text with " + codePoint(control), path(Map.of()),
                    null, headers(baseline.ifMatch()), baseline.token(),
                    bodyBytes(set(field.path(), NODES.textNode(text))), contentType(), 400, show(field.path()));
        }
        List<JsonNode> wrong = wrongValues(field.schema());
        if (wrong.isEmpty()) {
            return truncated(random);
        }
        JsonNode value = randomise(wrong.get(random.nextInt(wrong.size())), random);
        return new Case(family(field.schema()), show(field.path()) + " = " + shorten(text(value)), path(Map.of()), null,
                headers(baseline.ifMatch()), baseline.token(), bodyBytes(set(field.path(), value)), contentType(),
                400, null);
    }

    /** A wrong value of the same kind, with random content where that is a number. */
    private static JsonNode randomise(JsonNode wrong, Random random) {
        return wrong.isFloatingPointNumber() ? NODES.numberNode(random.nextInt(1000) + 0.5) : wrong;
    }

    private Case truncated(Random random) {
        String valid = text(baseline.body());
        String cut = valid.substring(0, random.nextInt(Math.max(1, valid.length() - 1)));
        return new Case("malformed", "body cut after " + cut.length() + " characters", path(Map.of()), null,
                headers(baseline.ifMatch()), baseline.token(), cut.getBytes(StandardCharsets.UTF_8), contentType(),
                400, null);
    }

    private record Field(List<Object> path, Schema<?> schema) {
    }

    private void collect(Schema<?> schema, List<Object> path, List<Field> out) {
        if (!path.isEmpty()) {
            out.add(new Field(path, schema));
        }
        if ("object".equals(typeOf(schema)) && schema.getProperties() != null && base() instanceof ObjectNode) {
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                if (path.isEmpty() || get(base(), path) instanceof ObjectNode) {
                    collect(property.getValue(), append(path, property.getKey()), out);
                }
            }
        }
    }

    private static String randomText(Random random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,:;'\"/\\éßøΩЖ中😀";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return out.toString();
    }

    private static String randomAscii(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- values from schemas

    /** Whether a text breaks a string schema (format, pattern, length or enum). */
    static boolean violates(Schema<?> schema, String value) {
        if ("uuid".equals(schema.getFormat())) {
            return !value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        }
        return schema.getPattern() != null && !java.util.regex.Pattern.compile(schema.getPattern()).matcher(value).find()
                || schema.getMaxLength() != null && value.length() > schema.getMaxLength()
                || schema.getMinLength() != null && value.length() < schema.getMinLength()
                || schema.getEnum() != null && schema.getEnum().stream().map(String::valueOf).noneMatch(value::equals);
    }

    static String typeOf(Schema<?> schema) {
        if (schema == null) {
            return "object";
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        return schema.getProperties() != null ? "object" : schema.getItems() != null ? "array" : "any";
    }

    private static boolean isDate(Schema<?> schema) {
        return "string".equals(typeOf(schema))
                && ("date".equals(schema.getFormat()) || "date-time".equals(schema.getFormat()));
    }

    private static String family(Schema<?> schema) {
        return isDate(schema) ? "date" : "type";
    }

    /** JSON values the schema refuses: other types, out of range, wrong forms. */
    static List<JsonNode> wrongValues(Schema<?> schema) {
        List<JsonNode> wrong = new ArrayList<>();
        switch (typeOf(schema)) {
            case "string" -> {
                wrong.addAll(List.of(NODES.numberNode(1), NODES.numberNode(1.5), NODES.booleanNode(true),
                        NODES.objectNode(), NODES.arrayNode()));
                wrongTexts(schema).forEach(t -> wrong.add(NODES.textNode(t)));
                if ("date".equals(schema.getFormat()) || "date-time".equals(schema.getFormat())) {
                    wrong.addAll(List.of(NODES.numberNode(0), NODES.numberNode(1700000000L),
                            NODES.arrayNode().add(2026).add(1).add(1)));
                }
            }
            case "integer" -> {
                wrong.addAll(List.of(NODES.textNode("1"), NODES.numberNode(1.5), NODES.booleanNode(true),
                        NODES.textNode(""), NODES.objectNode(), NODES.arrayNode(), NODES.numberNode(new BigDecimal("1e20")),
                        NODES.numberNode(1e3)));
                if (schema.getMinimum() != null) {
                    wrong.add(NODES.numberNode(schema.getMinimum().longValue() - 1));
                }
                if (schema.getMaximum() != null) {
                    wrong.add(NODES.numberNode(schema.getMaximum().longValue() + 1));
                }
                if ("int32".equals(schema.getFormat())) {
                    wrong.add(NODES.numberNode(2147483648L));
                }
            }
            case "number" -> wrong.addAll(List.of(NODES.textNode("1"), NODES.booleanNode(true), NODES.arrayNode()));
            case "boolean" -> wrong.addAll(List.of(NODES.textNode("true"), NODES.numberNode(1), NODES.numberNode(0),
                    NODES.textNode("yes"), NODES.textNode(""), NODES.arrayNode()));
            case "array" -> wrong.addAll(List.of(NODES.textNode("x"), NODES.numberNode(1), NODES.objectNode(),
                    NODES.booleanNode(true)));
            case "object" -> wrong.addAll(List.of(NODES.textNode("x"), NODES.numberNode(1), NODES.arrayNode(),
                    NODES.booleanNode(true), NODES.textNode("")));
            default -> { }
        }
        return wrong;
    }

    /** Texts of the right JSON type that the schema refuses (or that a parameter of this schema refuses). */
    static List<String> wrongTexts(Schema<?> schema) {
        List<String> wrong = new ArrayList<>();
        String type = typeOf(schema);
        if ("integer".equals(type)) {
            wrong.addAll(List.of("abc", "1.5", "", "true", "+5", " 5", "0x10", "1e3", "٣", "99999999999999999999"));
            if (schema.getMinimum() != null) {
                wrong.add(String.valueOf(schema.getMinimum().longValue() - 1));
            }
            if (schema.getMaximum() != null) {
                wrong.add(String.valueOf(schema.getMaximum().longValue() + 1));
            }
            return wrong;
        }
        if ("boolean".equals(type)) {
            return List.of("yes", "1", "0", "TRUE", "", "on", "truee");
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            String first = String.valueOf(schema.getEnum().get(0));
            wrong.addAll(List.of("not-a-value", first.toUpperCase(), " " + first, first + " ", "", "0"));
            wrong.removeIf(w -> schema.getEnum().stream().map(String::valueOf).anyMatch(w::equals));
            return wrong;
        }
        switch (schema.getFormat() == null ? "" : schema.getFormat()) {
            case "date" -> wrong.addAll(List.of("2026-1-1", "2026-13-01", "2026-02-30", "20260101", "2026-01-01T00:00:00Z",
                    "01/02/2026", "", "0", "1700000000", "+2026-01-01", "2026-01-01 ", "Jan 1 2026"));
            case "date-time" -> wrong.addAll(List.of("2026-11-23", "2026-11-23T10:15Z", "2026-11-23T10:15:30",
                    "2026-11-23 10:15:30Z", "1700000000", "0", "", "2026-11-23T25:00:00Z", "2026-11-23T10:15:30+0000",
                    "2026-11-23T10:15:30.Z"));
            case "uuid" -> wrong.addAll(List.of("not-a-uuid", "1-1-1-1-1", "", "3f2a8f0e8d1c4b5e9f0a2b1c3d4e5f60",
                    "3f2a8f0e-8d1c-4b5e-9f0a-2b1c3d4e5f6g", "AAAAAAAAAAAAAAAAAAAAAA=="));
            case "email" -> wrong.addAll(List.of("not-an-email", "a@", "@b", "a b@c.d"));
            default -> { }
        }
        String sample = textSample(schema);
        if (schema.getPattern() != null) {
            wrong.addAll(List.of("!" + sample, sample + " ", sample + "é", sample.toLowerCase().equals(sample)
                    ? sample.toUpperCase() + "_" : sample.toLowerCase() + "_"));
        }
        if (schema.getMaxLength() != null) {
            wrong.add(sample.repeat(schema.getMaxLength() / Math.max(1, sample.length()) + 1)
                    + "x".repeat(schema.getMaxLength() + 1));
        }
        if (schema.getMinLength() != null && schema.getMinLength() > 0) {
            wrong.add("x".repeat(schema.getMinLength() - 1));
        }
        return wrong;
    }

    /** A valid text for a string schema (its example, else a plain value). */
    static String textSample(Schema<?> schema) {
        if (schema.getExample() != null && !(schema.getExample() instanceof Map)) {
            return String.valueOf(schema.getExample());
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return String.valueOf(schema.getEnum().get(0));
        }
        return switch (schema.getFormat() == null ? "" : schema.getFormat()) {
            case "date" -> "2026-01-01";
            case "date-time" -> "2026-01-01T00:00:00Z";
            case "uuid" -> "3f2a8f0e-8d1c-4b5e-9f0a-2b1c3d4e5f60";
            case "email" -> "someone@nhs.example";
            default -> "a".repeat(Math.max(1, schema.getMinLength() == null ? 1 : schema.getMinLength()));
        };
    }

    /** A valid value for a schema, shaped by an example where it fits. */
    static JsonNode sample(Schema<?> schema) {
        return conform(schema, null);
    }

    /** The example where it fits the schema (the right JSON type), generated values elsewhere. */
    static JsonNode conform(Schema<?> schema, JsonNode example) {
        if (schema == null) {
            return example != null ? example : NODES.objectNode();
        }
        switch (typeOf(schema)) {
            case "object" -> {
                ObjectNode out = NODES.objectNode();
                Map<String, Schema> properties = schema.getProperties();
                if (properties == null) {
                    return example instanceof ObjectNode ? example : NODES.objectNode().put("note", "free-form");
                }
                List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                for (Map.Entry<String, Schema> property : properties.entrySet()) {
                    JsonNode given = example == null ? null : example.get(property.getKey());
                    if (given != null && !given.isNull() || required.contains(property.getKey())) {
                        out.set(property.getKey(), conform(property.getValue(), given));
                    }
                }
                return out;
            }
            case "array" -> {
                ArrayNode out = NODES.arrayNode();
                if (example instanceof ArrayNode given && !given.isEmpty()) {
                    given.forEach(item -> out.add(conform(schema.getItems(), item)));
                } else if (schema.getMinItems() != null && schema.getMinItems() > 0) {
                    out.add(conform(schema.getItems(), null));
                }
                return out;
            }
            case "integer" -> {
                return example != null && example.isIntegralNumber() ? example
                        : NODES.numberNode(schema.getMinimum() != null ? schema.getMinimum().longValue() : 1);
            }
            case "number" -> {
                return example != null && example.isNumber() ? example : NODES.numberNode(1);
            }
            case "boolean" -> {
                return example != null && example.isBoolean() ? example : NODES.booleanNode(true);
            }
            case "string" -> {
                return example != null && example.isTextual() ? example : NODES.textNode(textSample(schema));
            }
            default -> {
                return example != null ? example : NODES.textNode("x");
            }
        }
    }

    // ---------------------------------------------------------------- building requests

    private String path(Map<String, String> overrides) {
        String path = operation.path();
        for (Parameter parameter : operation.parameters()) {
            if ("path".equals(parameter.getIn())) {
                String value = overrides.containsKey(parameter.getName()) ? overrides.get(parameter.getName())
                        : baseline.pathValues().get(parameter.getName());
                path = path.replace("{" + parameter.getName() + "}", encode(value));
            }
        }
        return path;
    }

    private static Map<String, String> headers(String ifMatch) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        return headers;
    }

    private String contentType() {
        return operation.mediaType();
    }

    private byte[] bodyBytes(JsonNode body) {
        return body == null ? null : text(body).getBytes(StandardCharsets.UTF_8);
    }

    private void add(Case c) {
        cases.add(c);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String text(JsonNode node) {
        try {
            return node == null ? "" : JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String shorten(String text) {
        String printable = printable(text);
        return printable.length() > 60 ? printable.substring(0, 57) + "..." : printable;
    }

    /** Control characters and surrogates written as \\uXXXX, as the services name them. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? String.format("\\u%04X", (int) c)
                    : String.valueOf(c));
        }
        return out.toString();
    }

    private static String codePoint(String control) {
        return String.format("U+%04X", (int) control.charAt(0));
    }

    private static String insert(String text, String inserted, int at) {
        return text.substring(0, at) + inserted + text.substring(at);
    }

    static String show(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(printable((String) segment));
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    private static List<Object> append(List<Object> path, Object segment) {
        List<Object> out = new ArrayList<>(path);
        out.add(segment);
        return out;
    }

    private JsonNode set(List<Object> path, JsonNode value) {
        return with(base(), path, value);
    }

    private JsonNode remove(List<Object> path) {
        JsonNode copy = base().deepCopy();
        JsonNode parent = get(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.remove((String) last);
        } else if (parent instanceof ArrayNode array) {
            array.remove((Integer) last);
        }
        return copy;
    }

    /** A copy of the body with the value at the path (parents created as needed). */
    private static JsonNode with(JsonNode body, List<Object> path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode copy = body == null ? NODES.objectNode() : body.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object segment = path.get(i);
            JsonNode next = segment instanceof Integer index ? parent.get(index) : parent.get((String) segment);
            if (next == null || !next.isContainerNode()) {
                next = path.get(i + 1) instanceof Integer ? NODES.arrayNode() : NODES.objectNode();
                if (parent instanceof ObjectNode object) {
                    object.set((String) segment, next);
                } else if (parent instanceof ArrayNode array) {
                    array.add(next);
                }
            }
            parent = next;
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else if (parent instanceof ArrayNode array) {
            int index = (Integer) last;
            while (array.size() <= index) {
                array.add(NODES.nullNode());
            }
            array.set(index, value);
        }
        return copy;
    }

    private static JsonNode get(JsonNode body, List<Object> path) {
        JsonNode node = body;
        for (Object segment : path) {
            if (node == null) {
                return null;
            }
            node = segment instanceof Integer index ? node.get(index) : node.get((String) segment);
        }
        return node;
    }
}
