package org.clinicalsenate.testing;

import java.util.Map;

import org.clinicalsenate.dev.LocalIssuer;
import org.clinicalsenate.dev.Personas;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the local OIDC issuer for a suite and points quarkus-oidc (token verification) and the
 * OIDC client (client-credentials tokens for calls to other services) at it. Init arg
 * {@code client}: the service's client id (default review-service).
 */
public class IssuerResource implements QuarkusTestResourceLifecycleManager {

    /** System property through which {@link Tokens} learns the issuer URL (class loaders differ). */
    public static final String ISSUER_URL_PROPERTY = "senate.test.issuer-url";

    private LocalIssuer issuer;
    private String client = "review-service";

    @Override
    public void init(Map<String, String> initArgs) {
        client = initArgs.getOrDefault("client", client);
    }

    @Override
    public Map<String, String> start() {
        issuer = LocalIssuer.start(0, Personas.SERVICE_CLIENTS);
        System.setProperty(ISSUER_URL_PROPERTY, issuer.url());
        return Map.of(
                "quarkus.oidc.auth-server-url", issuer.url(),
                "quarkus.oidc-client.auth-server-url", issuer.url(),
                "quarkus.oidc-client.client-id", client,
                "quarkus.oidc-client.credentials.secret", Personas.SERVICE_CLIENTS.get(client));
    }

    @Override
    public void stop() {
        if (issuer != null) {
            issuer.close();
        }
    }
}
