package org.clinicalsenate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The house rules of the HTTP contract (docs/architecture.md §4) checked on bundled specs. It returns
 * every violation instead of stopping at the first, so one run shows everything to fix.
 */
final class ContractLint {

  /** A service account's role names the calling service: {@code service:<client id>}. */
  static final Set<String> ROLES = Set.of("anonymous", "platform-admin", "senate-admin",
      "senate-chair", "member", "requester", "assurance-viewer",
      "service:membership-service", "service:review-service", "service:notification-service");
  /** What a served file must say about tokens itself, so that an integrator needs nothing else. */
  private static final List<String> AUTHENTICATION = List.of(".well-known/openid-configuration",
      "authorization-code", "client-credentials", "`groups`", "`senates`", "`org`", "`member_id`", "`azp`",
      "x-roles");
  private static final String PROBLEM_TYPE = "application/problem+json";
  private static final String REPLAYED = "Idempotent-Replayed";
  private static final String OPEN_LIST = "must accept";
  private static final String PROBLEM_REF = "#/components/schemas/Problem";
  private static final Set<HttpMethod> CONDITIONAL = Set.of(HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  private final List<String> violations = new ArrayList<>();
  private final Map<String, String> operationIds = new HashMap<>();

  private ContractLint() {
  }

  /**
   * Lints the specs (file name to YAML) together, so operationIds must be unique across all of them
   * (but for the operations every service has, which are the same method and path in each).
   */
  static List<String> lint(Map<String, String> specs) {
    ContractLint lint = new ContractLint();
    specs.forEach(lint::lintSpec);
    return lint.violations;
  }

  private void lintSpec(String spec, String yaml) {
    try {
      externalRefs(spec, "", Yaml.mapper().readTree(yaml));
    } catch (JsonProcessingException e) {
      violations.add(spec + ": not YAML: " + e.getOriginalMessage());
      return;
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(false); // a bundled spec has nothing to fetch; external refs are reported above
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
    if (result.getMessages() != null) {
      result.getMessages().forEach(m -> violations.add(spec + ": parser: " + m));
    }
    OpenAPI api = result.getOpenAPI();
    if (api == null) {
      return;
    }
    if (!"3.0.3".equals(api.getOpenapi())) {
      violations.add(spec + ": openapi is " + api.getOpenapi() + ", not 3.0.3");
    }
    var schemes = api.getComponents() == null ? null : api.getComponents().getSecuritySchemes();
    var bearer = schemes == null ? null : schemes.get("bearerAuth");
    if (bearer == null || bearer.get$ref() != null) {
      violations.add(spec + ": no bearerAuth security scheme of its own");
    } else {
      AUTHENTICATION.stream()
          .filter(term -> bearer.getDescription() == null || !bearer.getDescription().contains(term))
          .forEach(term -> violations.add(spec + ": bearerAuth does not explain " + term));
    }
    if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
      api.getComponents().getSchemas().forEach((name, schema) -> openList(spec, name, schema));
    }
    if (api.getPaths() != null) {
      api.getPaths().forEach((path, item) -> item.readOperationsMap()
          .forEach((method, op) -> lintOperation(api, spec, path, item, method, op)));
    }
  }

  /**
   * An open list ({@code x-extensible-enum}) is a plain string for generated clients, and says that
   * clients must accept values it does not list.
   */
  private void openList(String spec, String name, io.swagger.v3.oas.models.media.Schema<?> schema) {
    if (schema.getExtensions() == null || !schema.getExtensions().containsKey("x-extensible-enum")) {
      return;
    }
    Consumer<String> fail = v -> violations.add(spec + " schema " + name + ": " + v);
    if (!"string".equals(schema.getType()) || schema.getEnum() != null) {
      fail.accept("an open list is a string without enum");
    }
    if (!(schema.getExtensions().get("x-extensible-enum") instanceof List<?> values) || values.isEmpty()) {
      fail.accept("x-extensible-enum is not a list of values");
    }
    if (schema.getDescription() == null || !schema.getDescription().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").contains(OPEN_LIST)) {
      fail.accept("the description does not say \"" + OPEN_LIST + "\"");
    }
  }

  /** Bundling must leave only local refs, or the served contract would point at files nobody has. */
  private void externalRefs(String spec, String pointer, JsonNode node) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        if (e.getKey().equals("$ref") && !e.getValue().asText().startsWith("#")) {
          violations.add(spec + ": external $ref '" + e.getValue().asText() + "' at " + pointer);
        } else {
          externalRefs(spec, pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), e.getValue());
        }
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        externalRefs(spec, pointer + "/" + i, node.get(i));
      }
    }
  }

  private void lintOperation(OpenAPI api, String spec, String path, PathItem item, HttpMethod method, Operation op) {
    String id = op.getOperationId();
    String where = spec + " " + method + " " + path + (id == null ? "" : " (" + id + ")");
    Consumer<String> fail = v -> violations.add(where + ": " + v);

    if (id == null || id.isBlank()) {
      fail.accept("no operationId");
    } else {
      // an operation every service has (common.yaml's paths) appears in each contract, the same
      String shared = method + " " + path;
      String previous = operationIds.putIfAbsent(id, shared + " in " + spec);
      if (previous != null && (!previous.startsWith(shared + " in ") || previous.equals(shared + " in " + spec))) {
        fail.accept("operationId also used by " + previous);
      }
    }

    String description = op.getDescription();
    if (description == null || description.isBlank()) {
      fail.accept("no description");
    } else if (!description.contains("Roles:")) {
      fail.accept("description does not say \"Roles:\"");
    }

    Object xRoles = op.getExtensions() == null ? null : op.getExtensions().get("x-roles");
    List<?> roles = xRoles instanceof List<?> list ? list : List.of();
    if (roles.isEmpty()) {
      fail.accept("no x-roles (a non-empty list)");
    }
    roles.stream().filter(r -> !(r instanceof String s && ROLES.contains(s)))
        .forEach(r -> fail.accept("unknown role '" + r + "' in x-roles"));

    List<Parameter> parameters = Stream.concat(stream(item.getParameters()), stream(op.getParameters()))
        .map(p -> local(api, p, p.get$ref(), Components::getParameters))
        .filter(Objects::nonNull).toList();
    Map<String, ApiResponse> responses = new LinkedHashMap<>();
    if (op.getResponses() != null) {
      op.getResponses().forEach((code, r) -> {
        ApiResponse response = local(api, r, r.get$ref(), Components::getResponses);
        if (response == null) {
          fail.accept(code + " response: $ref '" + r.get$ref() + "' does not resolve locally");
        }
        responses.put(code, response);
      });
    }

    // 503: every operation may find the database out of reach (Retry-After says when to try again)
    Set<String> required = new LinkedHashSet<>(List.of("400", "500", "503"));
    if (!roles.contains("anonymous")) {
      required.addAll(List.of("401", "403"));
    }
    if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
      required.add("404");
    }
    if (CONDITIONAL.contains(method)) {
      required.addAll(List.of("412", "428"));
      if (parameters.stream().noneMatch(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()))) {
        fail.accept("no If-Match header parameter");
      }
    }
    boolean idempotent = parameters.stream()
        .anyMatch(p -> "header".equals(p.getIn()) && "Idempotency-Key".equalsIgnoreCase(p.getName()));
    if (idempotent) {
      // a retry may be in progress (409) or reuse the key for another request (422)
      required.addAll(List.of("409", "422"));
      responses.forEach((code, response) -> {
        if (code.startsWith("2") && (response == null || response.getHeaders() == null
            || !response.getHeaders().containsKey(REPLAYED))) {
          fail.accept(code + " response does not declare the " + REPLAYED + " header (it takes an Idempotency-Key)");
        }
      });
    }
    required.stream().filter(code -> !responses.containsKey(code))
        .forEach(code -> fail.accept("no " + code + " response"));
    ApiResponse unavailable = responses.get("503");
    if (unavailable != null
        && (unavailable.getHeaders() == null || !unavailable.getHeaders().containsKey("Retry-After"))) {
      fail.accept("503 response has no Retry-After header");
    }

    if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
      fail.accept("no 2xx response");
    }
    responses.forEach((code, response) -> content(response == null ? null : response.getContent())
        .forEach((type, media) -> {
          if (code.startsWith("2") && !hasExample(media)) {
            fail.accept(code + " " + type + " response has no example");
          }
        }));

    if (op.getRequestBody() != null) {
      var body = local(api, op.getRequestBody(), op.getRequestBody().get$ref(), Components::getRequestBodies);
      Map<String, MediaType> content = content(body == null ? null : body.getContent());
      if (content.isEmpty()) {
        fail.accept("request body has no content");
      }
      content.forEach((type, media) -> {
        if (!hasExample(media)) {
          fail.accept("request " + type + " has no example");
        }
      });
    }

    // errors are RFC 9457 problems, and nothing else
    responses.forEach((code, response) -> {
      if (response == null || !(code.startsWith("4") || code.startsWith("5"))) {
        return;
      }
      Map<String, MediaType> content = content(response.getContent());
      MediaType problem = content.get(PROBLEM_TYPE);
      if (problem == null || content.size() != 1) {
        fail.accept(code + " response is not " + PROBLEM_TYPE + " only (has " + content.keySet() + ")");
      } else if (problem.getSchema() == null || !PROBLEM_REF.equals(problem.getSchema().get$ref())) {
        fail.accept(code + " response schema is not " + PROBLEM_REF);
      }
    });
  }

  /** Follows a local {@code #/components/...} ref (bundling may keep some); null if it leads nowhere. */
  private static <T> T local(OpenAPI api, T value, String ref, Function<Components, Map<String, T>> section) {
    if (ref == null) {
      return value;
    }
    Map<String, T> components = api.getComponents() == null ? null : section.apply(api.getComponents());
    return !ref.startsWith("#/components/") || components == null
        ? null : components.get(ref.substring(ref.lastIndexOf('/') + 1));
  }

  private static boolean hasExample(MediaType media) {
    return media.getExample() != null || (media.getExamples() != null && !media.getExamples().isEmpty());
  }

  private static Map<String, MediaType> content(Content content) {
    return content == null ? Map.of() : content;
  }

  private static <T> Stream<T> stream(List<T> list) {
    return list == null ? Stream.empty() : list.stream();
  }
}
