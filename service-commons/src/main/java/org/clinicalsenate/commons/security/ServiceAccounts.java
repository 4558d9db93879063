package org.clinicalsenate.commons.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Binds a service account's token to the service that calls with it: a token of the
 * {@code service} group gets the role {@code service:<client id>} (the {@code azp} claim, which
 * every OIDC provider sets for client credentials, else {@code client_id}). Operations allow
 * named services only ({@code Roles.REVIEW_SERVICE}...), so a leaked token of one service cannot
 * do what another may.
 */
@ApplicationScoped
public class ServiceAccounts implements SecurityIdentityAugmentor {

    static final String AUTHORIZED_PARTY_CLAIM = "azp";
    static final String CLIENT_ID_CLAIM = "client_id";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.SERVICE)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(clientId(identity)
                .<SecurityIdentity>map(client -> QuarkusSecurityIdentity.builder(identity)
                        .addRole(Roles.serviceAccount(client))
                        .build())
                .orElse(identity));
    }

    /** The client id a service account's token was issued to. */
    static Optional<String> clientId(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        return Optional.ofNullable(token.<Object>getClaim(AUTHORIZED_PARTY_CLAIM))
                .or(() -> Optional.ofNullable(token.<Object>getClaim(CLIENT_ID_CLAIM)))
                .map(Object::toString)
                .map(Caller::unquote)
                .filter(id -> !id.isBlank());
    }
}
