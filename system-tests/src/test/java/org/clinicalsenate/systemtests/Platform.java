package org.clinicalsenate.systemtests;

import java.util.Map;

import org.clinicalsenate.dev.EmbeddedDatabase;

/**
 * The three packaged services on one embedded PostgreSQL, trusting the real Keycloak, configured
 * only through environment variables as in production. Closing stops everything it started.
 */
public final class Platform implements AutoCloseable {

    private final EmbeddedDatabase database;
    private ServiceProcess notification;
    private ServiceProcess review;
    private ServiceProcess membership;

    private Platform(EmbeddedDatabase database) {
        this.database = database;
    }

    public static Platform start(KeycloakServer keycloak) {
        Platform platform = new Platform(EmbeddedDatabase.start(null, 0, EmbeddedDatabase.Durability.THROW_AWAY));
        try {
            platform.notification = ServiceProcess.start("notification-service",
                    platform.env("notification-service", "notification", keycloak, null));
            platform.membership = ServiceProcess.start("membership-service",
                    platform.env("membership-service", "membership", keycloak, platform.notification.baseUrl()));
            Map<String, String> review = platform.env("review-service", "review", keycloak,
                    platform.notification.baseUrl());
            // review-service asks membership-service whether a request's senate exists and is active
            review.put("QUARKUS_REST_CLIENT_MEMBERSHIP_URL", platform.membership.baseUrl());
            platform.review = ServiceProcess.start("review-service", review);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private Map<String, String> env(String service, String databaseName, KeycloakServer keycloak, String notificationUrl) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", database.ensureDatabase(databaseName),
                "QUARKUS_DATASOURCE_USERNAME", database.user(),
                "QUARKUS_DATASOURCE_PASSWORD", "",
                "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer(),
                "QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", keycloak.issuer(),
                "QUARKUS_OIDC_CLIENT_CLIENT_ID", service,
                // the realm's local-only secret of this service's confidential client
                "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET", service + "-local-secret"));
        if (notificationUrl != null) {
            env.put("QUARKUS_REST_CLIENT_NOTIFICATION_URL", notificationUrl);
        }
        return env;
    }

    public String membershipUrl() {
        return membership.baseUrl();
    }

    public String reviewUrl() {
        return review.baseUrl();
    }

    public String notificationUrl() {
        return notification.baseUrl();
    }

    @Override
    public void close() {
        for (ServiceProcess service : new ServiceProcess[] { membership, review, notification }) {
            if (service != null) {
                service.close();
            }
        }
        database.close();
    }
}
