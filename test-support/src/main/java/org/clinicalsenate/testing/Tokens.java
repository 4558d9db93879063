package org.clinicalsenate.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.clinicalsenate.dev.LocalIssuer;

/** Bearer tokens for each role, signed as the suite's local issuer signs them. */
public final class Tokens {

    private Tokens() {
    }

    public static String platformAdmin() {
        return of("platform-admin-1", List.of("platform-admin"), Map.of());
    }

    public static String senateAdmin(String... senates) {
        return of("senate-admin-of-" + String.join("-", senates), List.of("senate-admin"),
                Map.of("senates", List.of(senates)));
    }

    public static String senateChair(String... senates) {
        return of("chair-of-" + String.join("-", senates), List.of("senate-chair"), Map.of("senates", List.of(senates)));
    }

    public static String requester(String organisation) {
        return of("requester-" + organisation, List.of("requester"), Map.of("org", organisation));
    }

    public static String member(String memberId) {
        return of("member-" + memberId, List.of("member"), Map.of("member_id", memberId));
    }

    public static String assuranceViewer() {
        return of("assurance-1", List.of("assurance-viewer"), Map.of());
    }

    public static String service(String client) {
        return of(client, List.of("service"), Map.of("azp", client));
    }

    public static String of(String subject, List<String> groups, Map<String, Object> claims) {
        return LocalIssuer.sign(issuerUrl(), subject, groups, claims, Duration.ofMinutes(10));
    }

    /** A platform-admin token that expires after {@code lifetime}. */
    public static String platformAdminFor(Duration lifetime) {
        return LocalIssuer.sign(issuerUrl(), "platform-admin-1", List.of("platform-admin"), Map.of(), lifetime);
    }

    /** A correctly signed token that expired a minute ago. */
    public static String expired() {
        return LocalIssuer.sign(issuerUrl(), "platform-admin-1", List.of("platform-admin"), Map.of(),
                Duration.ofMinutes(-1));
    }

    /** A platform-admin token whose signature does not verify (its payload was changed after signing). */
    public static String forged() {
        String[] parts = platformAdmin().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("platform-admin-1", "platform-admin-2");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** A platform-admin token signed with the local key but naming another issuer. */
    public static String fromIssuer(String otherIssuerUrl) {
        return LocalIssuer.sign(otherIssuerUrl, "platform-admin-1", List.of("platform-admin"), Map.of(),
                Duration.ofMinutes(10));
    }

    private static String issuerUrl() {
        String url = System.getProperty(IssuerResource.ISSUER_URL_PROPERTY);
        if (url == null) {
            throw new IllegalStateException("IssuerResource is not running: add it with @QuarkusTestResource");
        }
        return url;
    }
}
