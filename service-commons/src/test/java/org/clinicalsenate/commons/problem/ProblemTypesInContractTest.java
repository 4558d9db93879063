package org.clinicalsenate.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every problem type the services can answer with is listed in each served contract, with its
 * status and title, and nothing else is: the Problem schema's {@code x-problem-types} (for
 * programs) and the table in its {@code type} description (for people) agree with
 * {@link ProblemType}. A type added to the enum fails here until the contract lists it.
 */
class ProblemTypesInContractTest {

    @ParameterizedTest
    @ValueSource(strings = { "membership", "review", "notification" })
    void theContractListsExactlyTheProblemTypesOfTheCode(String contract) throws IOException {
        JsonNode type = problemType(contract);
        List<Tuple> inCode = Arrays.stream(ProblemType.values())
                .map(t -> tuple(t.uri, t.status, t.title))
                .toList();

        List<Tuple> listed = new ArrayList<>();
        type.path("x-problem-types").forEach(t -> {
            listed.add(tuple(t.path("type").asText(), t.path("status").asInt(), t.path("title").asText()));
            assertThat(t.path("retry").isBoolean()).as("%s says whether a retry can succeed", t.path("type")).isTrue();
            assertThat(t.path("meaning").asText()).as("%s says what it means", t.path("type")).isNotBlank();
        });
        assertThat(listed).containsExactlyElementsOf(inCode);

        String description = type.path("description").asText();
        type.path("x-problem-types").forEach(t -> {
            String slug = t.path("type").asText().substring("urn:clinical-senate:problem:".length());
            String row = "| `" + slug + "` | " + t.path("status").asInt() + " | "
                    + t.path("meaning").asText().replace("|", "\\|") + " | "
                    + (t.path("retry").asBoolean() ? "yes" : "no") + " |";
            assertThat(description).as("the type's description has the row of " + slug).contains(row);
        });
        assertThat(description.lines().filter(l -> l.startsWith("| `"))).hasSameSizeAs(inCode);
    }

    private static JsonNode problemType(String contract) throws IOException {
        try (InputStream in = ProblemType.class.getClassLoader().getResourceAsStream("openapi/" + contract + ".yaml")) {
            assertThat(in).as("the bundled %s contract (api-spec) on the class path", contract).isNotNull();
            return new YAMLMapper().readTree(in).at("/components/schemas/Problem/properties/type");
        }
    }
}
