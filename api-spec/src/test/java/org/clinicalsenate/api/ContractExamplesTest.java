package org.clinicalsenate.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every example in a served contract is valid against its schema: schema examples, media-type
 * {@code example}/{@code examples}, parameter and header examples. The schemas are read as the
 * services' contract validation reads them (allOf merged, unknown properties refused).
 */
class ContractExamplesTest {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  @ParameterizedTest
  @ValueSource(strings = {"membership", "review", "notification", "events"})
  void everyExampleIsValidAgainstItsSchema(String contract) throws Exception {
    Examples examples = Examples.of(ContractLintTest.classpathText("openapi/" + contract + ".yaml"));

    assertThat(examples.checked).as("examples checked").isGreaterThan(5);
    assertThat(examples.invalid)
        .withFailMessage(() -> examples.invalid.size() + " invalid examples in " + contract + ".yaml:\n  "
            + String.join("\n  ", examples.invalid))
        .isEmpty();
  }

  @Test
  void reportsEveryInvalidExampleWhereverItIs() throws Exception {
    Examples examples = Examples.of("""
        openapi: 3.0.3
        info: {title: bad, version: '1'}
        paths:
          /things:
            get:
              parameters:
                - {name: limit, in: query, schema: {type: integer, maximum: 100, example: 500}}
              responses:
                '200':
                  description: ok
                  headers: {ETag: {schema: {type: string}, example: 1}}
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
                      examples:
                        good: {value: {day: '2026-11-23', codes: [QRL, RHM]}}
                        bad: {value: {day: 'tomorrow', codes: [QRL, QRL], name: name}}
        components:
          schemas:
            Thing:
              allOf:
                - {type: object, properties: {codes: {type: array, uniqueItems: true, items: {type: string}}}}
                - {type: object, properties: {day: {type: string, format: date, example: 2026}}}
              example: {day: '2026-11-23'}
        """);

    assertThat(examples.checked).isEqualTo(6);
    assertThat(examples.invalid).extracting(v -> v.substring(0, v.indexOf(':')))
        .containsExactlyInAnyOrder(
            "/paths/~1things/get/parameters/limit/schema/example",
            "/paths/~1things/get/responses/200/headers/ETag/example",
            "/paths/~1things/get/responses/200/content/application~1json/examples/bad",
            "/paths/~1things/get/responses/200/content/application~1json/examples/bad",
            "/paths/~1things/get/responses/200/content/application~1json/examples/bad",
            "/components/schemas/Thing/allOf/1/properties/day/example");
  }

  private static final class Examples {

    private final JsonNode raw;
    private final SchemaValidator validator;
    private final List<String> invalid = new ArrayList<>();
    private int checked;

    static Examples of(String yaml) throws java.io.IOException {
      Examples examples = new Examples(Yaml.mapper().readTree(yaml), yaml);
      examples.walk();
      return examples;
    }

    Examples(JsonNode raw, String yaml) {
      this.raw = raw;
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      options.setResolveFully(true);
      options.setResolveCombinators(true); // as the contract filter of the service tests reads it
      OpenAPI api = new OpenAPIV3Parser().readContents(yaml, null, options).getOpenAPI();
      validator = new SchemaValidator(api, new MessageResolver());
    }

    void walk() {
      raw.path("paths").properties().forEach(p -> pathItem(p.getValue(), "/paths/" + escape(p.getKey())));
      JsonNode components = raw.path("components");
      components.path("schemas").properties().forEach(s -> schema(s.getValue(), "/components/schemas/" + escape(s.getKey())));
      components.path("parameters").properties().forEach(p -> withExamples(p.getValue(), "/components/parameters/" + p.getKey()));
      components.path("headers").properties().forEach(h -> withExamples(h.getValue(), "/components/headers/" + h.getKey()));
      components.path("responses").properties().forEach(r -> response(r.getValue(), "/components/responses/" + r.getKey()));
      components.path("requestBodies").properties().forEach(b -> content(b.getValue(), "/components/requestBodies/" + b.getKey()));
    }

    private void pathItem(JsonNode item, String at) {
      item.path("parameters").forEach(p -> withExamples(p, at + "/parameters"));
      item.properties().stream().filter(e -> METHODS.contains(e.getKey())).forEach(e -> {
        JsonNode op = e.getValue();
        String opAt = at + "/" + e.getKey();
        op.path("parameters").forEach(p -> withExamples(p, opAt + "/parameters/" + p.path("name").asText()));
        content(op.path("requestBody"), opAt + "/requestBody");
        op.path("responses").properties().forEach(r -> response(r.getValue(), opAt + "/responses/" + r.getKey()));
      });
    }

    private void response(JsonNode response, String at) {
      response.path("headers").properties().forEach(h -> withExamples(h.getValue(), at + "/headers/" + h.getKey()));
      content(response, at);
    }

    private void content(JsonNode holder, String at) {
      holder.path("content").properties().forEach(m -> withExamples(m.getValue(), at + "/content/" + escape(m.getKey())));
    }

    /** A media type, parameter or header: its schema's examples and its own. */
    private void withExamples(JsonNode node, String at) {
      JsonNode schema = node.path("schema");
      if (schema.isMissingNode()) {
        content(node, at); // a parameter or header may describe its value as content
        return;
      }
      schema(schema, at + "/schema");
      if (node.has("example")) {
        check(node.get("example"), schema, at + "/example");
      }
      node.path("examples").properties().forEach(e -> {
        JsonNode example = e.getValue().has("$ref") ? raw.at(e.getValue().get("$ref").asText().substring(1)) : e.getValue();
        if (example.has("value")) {
          check(example.get("value"), schema, at + "/examples/" + e.getKey());
        }
      });
    }

    private void schema(JsonNode schema, String at) {
      if (schema.has("example")) {
        // a component is validated as a whole (allOf merged), anything else as written
        JsonNode against = at.matches("/components/schemas/[^/]+")
            ? Json.mapper().createObjectNode().put("$ref", "#" + at) : schema;
        check(schema.get("example"), against, at + "/example");
      }
      schema.path("properties").properties().forEach(p -> schema(p.getValue(), at + "/properties/" + escape(p.getKey())));
      if (schema.has("items")) {
        schema(schema.get("items"), at + "/items");
      }
      if (schema.path("additionalProperties").isObject()) {
        schema(schema.get("additionalProperties"), at + "/additionalProperties");
      }
      for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
        JsonNode parts = schema.path(combinator);
        for (int i = 0; i < parts.size(); i++) {
          schema(parts.get(i), at + "/" + combinator + "/" + i);
        }
      }
    }

    private void check(JsonNode example, JsonNode schema, String at) {
      checked++;
      ObjectNode withoutExample = schema.deepCopy();
      withoutExample.remove("example"); // the parser would turn a date example into a Date
      Schema<?> parsed = Json.mapper().convertValue(withoutExample, Schema.class);
      ValidationReport report = validator.validate(() -> example, parsed, "example");
      report.getMessages().stream()
          .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
          .forEach(m -> invalid.add(at + ": " + m.getMessage()));
    }

    private static String escape(String token) {
      return token.replace("~", "~0").replace("/", "~1");
    }
  }
}
