package org.clinicalsenate.testing;

import static org.clinicalsenate.testing.Api.anonymous;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * What operators and integrators rely on in every service: probes that include the database,
 * Prometheus metrics, Swagger UI, and the contract file itself served at /q/openapi. A service's
 * test suite runs it with {@code @QuarkusTest class OperationsTest extends OperationsContract}.
 */
public abstract class OperationsContract {

    /** The name of the service's bundled contract in api-spec, e.g. "review". */
    protected abstract String contract();

    @Test
    void readinessIncludesTheDatabase() {
        anonymous().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        anonymous().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        anonymous().get("/q/health/live").then().statusCode(200);
        anonymous().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void swaggerUiIsServed() {
        anonymous().accept("text/html").get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void theServedContractIsTheContractFile() throws Exception {
        String served = anonymous().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        try (var in = getClass().getClassLoader().getResourceAsStream("openapi/" + contract() + ".yaml")) {
            org.assertj.core.api.Assertions.assertThat(new ObjectMapper().readTree(served))
                    .isEqualTo(new ObjectMapper(new YAMLFactory()).readTree(in));
        }
    }
}
