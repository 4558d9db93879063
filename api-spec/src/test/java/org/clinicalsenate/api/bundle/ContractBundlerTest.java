package org.clinicalsenate.api.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class ContractBundlerTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path dir;

    @Test
    void anotherFilesComponentsComeInUnderTheirNamesAndEverythingElseStaysAsWritten() throws IOException {
        write("common.yaml", """
                components:
                  schemas:
                    Problem:
                      type: object
                      properties:
                        errors: {type: array, items: {$ref: '#/components/schemas/FieldError'}}
                    FieldError: {type: object, example: {field: name}}
                    Unused: {type: string}
                  headers:
                    ETag: {schema: {type: string, example: '"1"'}}
                  responses:
                    NotFound:
                      description: Not found
                      content: {application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}}
                """);
        write("api/things.yaml", """
                paths:
                  /things/{id}:
                    parameters: [{$ref: '#/components/parameters/Id'}]
                    get:
                      responses:
                        '200': {description: ok, headers: {ETag: {$ref: '../common.yaml#/components/headers/ETag'}}}
                        '404': {$ref: '../common.yaml#/components/responses/NotFound'}
                components:
                  parameters:
                    Id: {name: id, in: path, required: true, schema: {type: string, format: uuid}}
                """);
        write("service.yaml", """
                openapi: 3.0.3
                info: {title: service, version: '1'}
                paths:
                  /things/{id}:
                    $ref: 'api/things.yaml#/paths/~1things~1{id}'
                  /others:
                    get:
                      parameters: [{$ref: 'api/things.yaml#/components/parameters/Id'}]
                      responses:
                        '404': {$ref: 'common.yaml#/components/responses/NotFound'}
                components:
                  schemas:
                    Mine: {type: string, example: '2026-11-23'}
                """);

        JsonNode bundle = ContractBundler.bundle(dir.resolve("service.yaml"));

        assertThat(bundle.at("/paths/~1things~1{id}/parameters/0/$ref").asText()).isEqualTo("#/components/parameters/Id");
        assertThat(bundle.at("/paths/~1things~1{id}/get/responses/404/$ref").asText())
                .isEqualTo("#/components/responses/NotFound");
        assertThat(bundle.at("/paths/~1others/get/parameters/0/$ref").asText()).isEqualTo("#/components/parameters/Id");
        assertThat(bundle.at("/components/schemas/Problem/properties/errors/items/$ref").asText())
                .isEqualTo("#/components/schemas/FieldError");
        assertThat(bundle.at("/components/schemas/FieldError")).isEqualTo(json("{\"type\":\"object\",\"example\":{\"field\":\"name\"}}"));
        assertThat(bundle.at("/components/headers/ETag/schema/example").asText()).isEqualTo("\"1\"");
        assertThat(bundle.at("/components/parameters/Id/schema/format").asText()).isEqualTo("uuid");
        assertThat(bundle.at("/components/schemas/Mine/example").asText()).isEqualTo("2026-11-23");
        assertThat(bundle.at("/components/schemas").properties()).extracting(e -> e.getKey())
                .containsExactly("Mine", "Problem", "FieldError"); // the root's own first; nothing unused
        assertThat(bundle.toString()).doesNotContain(".yaml#");
    }

    @Test
    void aComponentTheRootNamesAfterAnotherFilesIsThatComponent() throws IOException {
        write("common.yaml", """
                components:
                  securitySchemes:
                    bearerAuth: {type: http, scheme: bearer, description: How to get a token}
                """);
        write("service.yaml", """
                openapi: 3.0.3
                paths: {}
                components:
                  securitySchemes:
                    bearerAuth: {$ref: 'common.yaml#/components/securitySchemes/bearerAuth'}
                """);

        JsonNode bundle = ContractBundler.bundle(dir.resolve("service.yaml"));

        assertThat(bundle.at("/components/securitySchemes/bearerAuth"))
                .isEqualTo(json("{\"type\":\"http\",\"scheme\":\"bearer\",\"description\":\"How to get a token\"}"));
    }

    @Test
    void twoDifferentComponentsOfOneNameAreAnErrorAndIdenticalOnesAreOne() throws IOException {
        write("a.yaml", "components: {schemas: {Id: {type: string}, Code: {type: string}}}");
        write("b.yaml", "components: {schemas: {Id: {type: integer}, Code: {type: string}}}");
        write("same.yaml", """
                openapi: 3.0.3
                paths: {}
                components:
                  schemas:
                    X: {properties: {a: {$ref: 'a.yaml#/components/schemas/Code'}, b: {$ref: 'b.yaml#/components/schemas/Code'}}}
                """);
        write("clash.yaml", """
                openapi: 3.0.3
                paths: {}
                components:
                  schemas:
                    X: {properties: {a: {$ref: 'a.yaml#/components/schemas/Id'}, b: {$ref: 'b.yaml#/components/schemas/Id'}}}
                """);

        JsonNode same = ContractBundler.bundle(dir.resolve("same.yaml"));
        assertThat(same.at("/components/schemas/X/properties/b/$ref").asText()).isEqualTo("#/components/schemas/Code");
        assertThat(same.at("/components/schemas").size()).isEqualTo(2);

        assertThatThrownBy(() -> ContractBundler.bundle(dir.resolve("clash.yaml")))
                .hasMessageContaining("#/components/schemas/Id is defined differently in a.yaml")
                .hasMessageContaining("b.yaml");
    }

    @Test
    void aReferenceThatLeadsNowhereFailsTheBuild() throws IOException {
        write("service.yaml", """
                openapi: 3.0.3
                paths: {}
                components:
                  schemas:
                    X: {$ref: 'common.yaml#/components/schemas/Missing'}
                    Y: {$ref: '#/components/schemas/Nowhere'}
                """);
        write("common.yaml", "components: {schemas: {}}");

        assertThatThrownBy(() -> ContractBundler.bundle(dir.resolve("service.yaml")))
                .hasMessageContaining("leads nowhere");
    }

    @Test
    void stringsThatLookLikeOtherTypesStayStringsForAnyYamlParser() {
        List<String> tricky = List.of("2026-11-23", "2026-11-23T10:15:30Z", "1.0", "7012345", "12e3", "0x1F", "yes",
                "No", "on", "OFF", "y", "null", "~", "true", "", "1:20", ".inf", "-.5", "'quoted'", "\"1\"", "# not a comment",
                "a: b", "- item", "@at", "`tick`", "multi\nline\n");
        var tree = new ObjectMapper().createObjectNode();
        var values = tree.putArray("values");
        tricky.forEach(values::add);
        tree.putObject("responses").put("200", "ok").put("true", "yes");

        String yaml = ContractBundler.toYaml(tree);

        // SnakeYAML's YAML 1.1 loader resolves implicit types (dates, booleans, sexagesimals...) most eagerly
        Object loaded = new Yaml().load(yaml);
        assertThat((JsonNode) new ObjectMapper().valueToTree(loaded)).as(yaml).isEqualTo(tree);
        assertThat(yaml).contains("\"200\": ok", "\"true\": \"yes\"");
    }

    private void write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
    }

    private static JsonNode json(String json) throws IOException {
        return YAML.readTree(json);
    }
}
