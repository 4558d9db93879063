package org.clinicalsenate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled contracts (what the services serve) keep the house rules of docs/architecture.md §4. */
class ContractLintTest {

  @Test
  void bundledContractsKeepTheHouseRules() {
    Map<String, String> specs = new LinkedHashMap<>();
    for (String service : List.of("membership", "review", "notification")) {
      specs.put(service + ".yaml", classpathText("openapi/" + service + ".yaml"));
    }

    List<String> violations = ContractLint.lint(specs);

    assertThat(violations)
        .withFailMessage(() -> violations.size() + " contract violations:\n  " + String.join("\n  ", violations))
        .isEmpty();
  }

  /** A compliant GET next to a PUT that breaks most rules, and a second spec reusing its operationId. */
  private static final String BAD = """
      openapi: 3.0.3
      info: {title: bad, version: '1'}
      paths:
        /things/{id}:
          parameters:
            - {name: id, in: path, required: true, schema: {type: string}}
          get:
            description: 'One thing. Roles: member, service:review-service.'
            x-roles: [member, 'service:review-service']
            responses:
              '200':
                description: ok
                content: {application/json: {schema: {type: object}, example: {id: a}}}
              '400': {$ref: '#/components/responses/Error'}
              '401': {$ref: '#/components/responses/Error'}
              '403': {$ref: '#/components/responses/Error'}
              '404': {$ref: '#/components/responses/Error'}
              '500': {$ref: '#/components/responses/Error'}
              '503': {$ref: '#/components/responses/Unavailable'}
          put:
            operationId: updateThing
            description: Replaces a thing.
            requestBody:
              content: {application/json: {schema: {type: object}}}
            responses:
              '200': {description: ok}
              '400': {description: bad, content: {text/plain: {schema: {type: string}}}}
              '503': {$ref: '#/components/responses/Error'}
      components:
        responses:
          Error:
            description: error
            content: {application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}}
          Unavailable:
            description: database away
            headers: {Retry-After: {schema: {type: integer}}}
            content: {application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}}
        schemas:
          Problem: {type: object}
          Status: {type: string, enum: [a, b], x-extensible-enum: [a, b, c], description: 'A status.'}
        securitySchemes:
          bearerAuth: {type: http, scheme: bearer, description: 'See the shared components.'}
      """;

  private static final String OTHER = """
      openapi: 3.0.1
      info: {title: other, version: '1'}
      paths:
        /others:
          post:
            operationId: createOther
            description: 'Roles: member.'
            x-roles: [member]
            parameters:
              - {name: Idempotency-Key, in: header, schema: {type: string}}
            responses:
              '201': {description: created}
          delete:
            operationId: updateThing
            description: 'Roles: root.'
            x-roles: [root]
            responses:
              '204': {description: gone}
              '400': {$ref: 'common.yaml#/components/responses/BadRequest'}
      """;

  @Test
  void reportsEveryViolation() {
    Map<String, String> specs = new LinkedHashMap<>();
    specs.put("bad.yaml", BAD);
    specs.put("other.yaml", OTHER);

    List<String> violations = ContractLint.lint(specs);

    assertThat(violations).contains(
        "bad.yaml GET /things/{id}: no operationId",
        "bad.yaml PUT /things/{id} (updateThing): description does not say \"Roles:\"",
        "bad.yaml PUT /things/{id} (updateThing): no x-roles (a non-empty list)",
        "bad.yaml PUT /things/{id} (updateThing): no If-Match header parameter",
        "bad.yaml PUT /things/{id} (updateThing): no 404 response",
        "bad.yaml PUT /things/{id} (updateThing): no 412 response",
        "bad.yaml PUT /things/{id} (updateThing): no 428 response",
        "bad.yaml PUT /things/{id} (updateThing): no 500 response",
        "bad.yaml PUT /things/{id} (updateThing): 503 response has no Retry-After header",
        "other.yaml DELETE /others (updateThing): no 503 response",
        "bad.yaml PUT /things/{id} (updateThing): request application/json has no example",
        "bad.yaml PUT /things/{id} (updateThing): 400 response is not application/problem+json only (has [text/plain])",
        "other.yaml: external $ref 'common.yaml#/components/responses/BadRequest' at /paths/~1others/delete/responses/400",
        "other.yaml: openapi is 3.0.1, not 3.0.3",
        "other.yaml DELETE /others (updateThing): operationId also used by PUT /things/{id} in bad.yaml",
        "other.yaml DELETE /others (updateThing): unknown role 'root' in x-roles",
        "other.yaml: no bearerAuth security scheme of its own",
        "bad.yaml schema Status: an open list is a string without enum",
        "bad.yaml schema Status: the description does not say \"must accept\"",
        "other.yaml POST /others (createOther): 201 response does not declare the Idempotent-Replayed header (it takes an Idempotency-Key)",
        "other.yaml POST /others (createOther): no 409 response",
        "other.yaml POST /others (createOther): no 422 response",
        "bad.yaml: bearerAuth does not explain .well-known/openid-configuration",
        "bad.yaml: bearerAuth does not explain `azp`");
    // the compliant GET only misses its operationId
    assertThat(violations).filteredOn(v -> v.startsWith("bad.yaml GET")).hasSize(1);
  }

  static String classpathText(String resource) {
    try (InputStream in = ContractLintTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("%s on the test classpath (bundled by the build)", resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
