package org.clinicalsenate.commons.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.clinicalsenate.commons.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling and what their token lets them reach: the object-level scope rules of
 * docs/architecture.md §5 in one place. Roles are checked by {@code @RolesAllowed} on the resources; this
 * class answers "which senate / organisation / member".
 */
@RequestScoped
public class Caller {

    public static final String SENATES_CLAIM = "senates";
    public static final String ORG_CLAIM = "org";
    public static final String MEMBER_CLAIM = "member_id";

    @Inject
    SecurityIdentity identity;

    /** The token subject, or "anonymous"; what the audit log records as the actor. */
    public String subject() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        return token().map(JsonWebToken::getSubject).filter(s -> s != null && !s.isBlank())
                .orElse(identity.getPrincipal().getName());
    }

    /**
     * Everything about the caller that can change what a read shows them (ReadCache keeps a rendering
     * per view): who they are, their roles, and their scope claims.
     */
    public String view() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        return String.join("|", subject(), serviceClient().orElse(""), new TreeSet<>(identity.getRoles()).toString(),
                new TreeSet<>(senates()).toString(), organisation().orElse(""), memberId().orElse(""));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isPlatformAdmin() {
        return hasRole(Roles.PLATFORM_ADMIN);
    }

    /** Platform-admins, assurance viewers and services read across all senates. */
    public boolean readsAllSenates() {
        return isPlatformAdmin() || hasRole(Roles.ASSURANCE_VIEWER) || isService();
    }

    /** A service account (client credentials) of one of the platform's services. */
    public boolean isService() {
        return hasRole(Roles.SERVICE);
    }

    /** The client id of a service account's token, e.g. {@code review-service}. */
    public Optional<String> serviceClient() {
        return isService() ? ServiceAccounts.clientId(identity) : Optional.empty();
    }

    /** The senates a senate-admin or chair administers (the {@code senates} claim). */
    public Set<String> senates() {
        return token().map(t -> t.<Object>getClaim(SENATES_CLAIM)).map(Caller::strings).orElse(Set.of());
    }

    /** The ODS code of a requester's organisation (the {@code org} claim). */
    public Optional<String> organisation() {
        return token().map(t -> t.<Object>getClaim(ORG_CLAIM)).map(Object::toString).map(Caller::unquote)
                .filter(s -> !s.isBlank());
    }

    public Optional<String> memberId() {
        return token().map(t -> t.<Object>getClaim(MEMBER_CLAIM)).map(Object::toString).map(Caller::unquote)
                .filter(s -> !s.isBlank());
    }

    /** True when the caller administers this senate (as senate-admin or chair) or is a platform-admin. */
    public boolean administers(String senate) {
        return isPlatformAdmin()
                || ((hasRole(Roles.SENATE_ADMIN) || hasRole(Roles.SENATE_CHAIR)) && senates().contains(senate));
    }

    /**
     * Reading a senate's records and counts: those who read every senate (platform-admins, assurance
     * viewers, services) and the senate's admins and chairs. Which roles may call at all is the
     * resource's {@code @RolesAllowed}.
     */
    public void requireReadsSenate(String senate) {
        if (!readsAllSenates()) {
            requireAdministers(senate);
        }
    }

    public void requireAdministers(String senate) {
        if (!administers(senate)) {
            throw ProblemException.forbidden("Your token does not give access to senate " + senate);
        }
    }

    private Optional<JsonWebToken> token() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? Optional.of(jwt) : Optional.empty();
    }

    private static Set<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(Object::toString).map(Caller::unquote).collect(Collectors.toUnmodifiableSet());
        }
        if (claim instanceof jakarta.json.JsonArray array) {
            return array.stream().map(Object::toString).map(Caller::unquote).collect(Collectors.toUnmodifiableSet());
        }
        return claim == null ? Set.of() : Set.of(unquote(claim.toString()));
    }

    /** JSON-P string values print with their quotes. */
    static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
