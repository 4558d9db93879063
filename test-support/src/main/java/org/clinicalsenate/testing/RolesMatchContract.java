package org.clinicalsenate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.arc.Arc;

/**
 * Security declared once and checked: for every operation of the service's contract, the roles
 * its {@code x-roles} names are exactly those the implementing method allows ({@code @RolesAllowed};
 * {@code anonymous} is {@code @PermitAll}), and every operation is implemented. Unannotated
 * endpoints are denied ({@code quarkus.security.jaxrs.deny-unannotated-endpoints}). A service's
 * suite runs it with {@code @QuarkusTest class RolesTest extends RolesMatchContract}.
 */
public abstract class RolesMatchContract {

    static final String ANONYMOUS = "anonymous";

    @Test
    void everyOperationAllowsExactlyTheRolesItsContractNames() throws IOException {
        Map<String, Set<String>> contract = rolesInContract();
        Map<String, Set<String>> code = rolesInCode();
        assertThat(contract).as("the served contract has operations").isNotEmpty();
        assertThat(code.keySet()).as("implemented operations").containsAll(contract.keySet());
        contract.forEach((operation, roles) -> assertThat(code.get(operation))
                .as("roles of %s: the contract's x-roles and the implementing method's annotation", operation)
                .isEqualTo(roles));
    }

    /** operationId to x-roles, from the contract the service serves. */
    static Map<String, Set<String>> rolesInContract() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(in).path("paths");
            Map<String, Set<String>> roles = new TreeMap<>();
            paths.forEach(item -> item.properties().forEach(operation -> {
                JsonNode id = operation.getValue().get("operationId");
                if (id != null) {
                    Set<String> named = new TreeSet<>();
                    operation.getValue().path("x-roles").forEach(role -> named.add(role.asText()));
                    roles.put(id.asText(), named);
                }
            }));
            return roles;
        }
    }

    /**
     * operationId (the generated interface's method name) to the roles the implementing resource
     * method allows: every JAX-RS resource of the running application is a bean.
     */
    static Map<String, Set<String>> rolesInCode() {
        Map<String, Set<String>> roles = new TreeMap<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> resource = bean.getBeanClass();
            for (Class<?> api : resource.getInterfaces()) {
                if (!api.isAnnotationPresent(Path.class) || api.isAnnotationPresent(RegisterRestClient.class)) {
                    continue; // a REST client of another service, not an endpoint of this one
                }
                for (Method operation : api.getDeclaredMethods()) {
                    if (Arrays.stream(operation.getAnnotations())
                            .noneMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                        continue;
                    }
                    Set<String> allowed = allowed(implementation(resource, operation));
                    Set<String> previous = roles.put(operation.getName(), allowed);
                    assertThat(previous).as("%s is implemented once (again in %s)", operation.getName(), resource)
                            .isNull();
                }
            }
        }
        return roles;
    }

    private static Method implementation(Class<?> resource, Method operation) {
        try {
            return resource.getMethod(operation.getName(), operation.getParameterTypes());
        } catch (NoSuchMethodException e) {
            throw new AssertionError(resource + " does not implement " + operation, e);
        }
    }

    private static Set<String> allowed(Method method) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return Set.of(ANONYMOUS);
        }
        RolesAllowed rolesAllowed = method.getAnnotation(RolesAllowed.class);
        if (rolesAllowed != null && !method.isAnnotationPresent(DenyAll.class)) {
            return new TreeSet<>(Arrays.asList(rolesAllowed.value()));
        }
        return Set.of(); // denied: deny-unannotated-endpoints
    }
}
