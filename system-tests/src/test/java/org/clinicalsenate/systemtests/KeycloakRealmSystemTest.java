package org.clinicalsenate.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Proves deploy/keycloak/clinical-senate-realm.json: the access tokens carry the claims the services authorise on. */
@ExtendWith(KeycloakExtension.class)
class KeycloakRealmSystemTest {

    private static KeycloakServer keycloak;

    @BeforeAll
    static void keycloak(KeycloakServer server) {
        keycloak = server;
    }

    @Test
    void platformAdminHasItsRole() {
        JsonNode claims = Tokens.claims(Tokens.user(keycloak, "admin"));
        assertThat(strings(claims.get("groups"))).contains("platform-admin");
        assertThat(claims.get("iss").asText()).isEqualTo(keycloak.issuer());
    }

    @Test
    void senateAdminIsScopedToItsSenate() {
        JsonNode claims = Tokens.claims(Tokens.user(keycloak, "southeast-admin"));
        assertThat(strings(claims.get("groups"))).contains("senate-admin");
        assertThat(claims.get("senates").isArray()).as("senates is a JSON array").isTrue();
        assertThat(strings(claims.get("senates"))).containsExactly("south-east");
    }

    @Test
    void requesterIsScopedToItsOrganisation() {
        JsonNode claims = Tokens.claims(Tokens.user(keycloak, "hiow-requester"));
        assertThat(strings(claims.get("groups"))).contains("requester");
        assertThat(claims.get("org").asText()).isEqualTo("QRL");
        assertThat(claims.has("senates")).isFalse();
    }

    @Test
    void serviceAccountHasServiceRole() {
        JsonNode claims = Tokens.claims(Tokens.service(keycloak, "review-service"));
        assertThat(strings(claims.get("groups"))).contains("service");
        assertThat(claims.get("azp").asText()).isEqualTo("review-service");
    }

    private static List<String> strings(JsonNode array) {
        assertThat(array).as("claim present").isNotNull();
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
