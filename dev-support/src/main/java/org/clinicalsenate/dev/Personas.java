package org.clinicalsenate.dev;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The demo personas of the local run, and the service clients of the local issuer. */
public final class Personas {

    /** Local-only client secrets of the three services (the Keycloak realm in deploy/ has its own). */
    public static final Map<String, String> SERVICE_CLIENTS = Map.of(
            "membership-service", "local-membership-secret",
            "review-service", "local-review-secret",
            "notification-service", "local-notification-secret");

    public record Persona(String name, String description, List<String> groups, Map<String, Object> claims) {
        public String token(LocalIssuer issuer, Duration lifetime) {
            return issuer.token(name, groups, claims, lifetime);
        }
    }

    public static final Persona PLATFORM_ADMIN = new Persona("admin", "platform-admin",
            List.of("platform-admin"), Map.of());
    public static final Persona SENATE_ADMIN = new Persona("southeast-admin", "senate-admin of south-east",
            List.of("senate-admin"), Map.of("senates", List.of("south-east")));
    public static final Persona REQUESTER = new Persona("hiow-requester",
            "requester for Hampshire and Isle of Wight ICB (QRL)", List.of("requester"), Map.of("org", "QRL"));
    public static final Persona ASSURANCE_VIEWER = new Persona("assurance", "assurance-viewer",
            List.of("assurance-viewer"), Map.of());

    public static final List<Persona> DEMO = List.of(PLATFORM_ADMIN, SENATE_ADMIN, REQUESTER, ASSURANCE_VIEWER);

    /** A member, bound to their record by the {@code member_id} claim (ids exist only once members are created). */
    public static Persona member(String memberId, String description) {
        return new Persona("member-" + memberId, description, List.of("member"), Map.of("member_id", memberId));
    }

    private Personas() {
    }
}
