package org.clinicalsenate.commons.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * A bearer token is verified once, not on every request: clients (dashboards, review-service) send the
 * same token for minutes, and checking its RS256 signature and parsing its claims is a quarter of the
 * cost of a kept read. The identity Quarkus OIDC built from a token is kept, keyed by the exact token,
 * until the token's {@code exp} (and no longer than {@link #LONGEST}); a token not kept, changed by a
 * byte, or past its {@code exp} goes to Quarkus OIDC, which verifies it (or refuses it) as before.
 * <p>
 * This is the {@link IdentityProvider} asked before Quarkus OIDC's: it answers from what is kept, or with
 * nothing, so that OIDC is asked. {@link Keeper}, the augmentor that runs last, keeps what OIDC verified. As before, a token stays good until its expiry even if its signing key is
 * withdrawn meanwhile (the services verify tokens locally; nothing is revoked).
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** Whatever a token's {@code exp} says, its identity is verified again after this. */
    static final Duration LONGEST = Duration.ofMinutes(10);
    private static final int MOST_TOKENS = 10_000;
    /** The identity's attributes that belong to the request that built it, not to the token. */
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private record Kept(SecurityIdentity identity, Instant expires) {
    }

    private final Cache<String, Kept> kept = Caffeine.newBuilder()
            .maximumSize(MOST_TOKENS)
            .expireAfterWrite(LONGEST)
            .build();

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before Quarkus OIDC's provider (the default priority, {@code SYSTEM_FIRST + 1}). */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        Kept found = token == null ? null : kept.getIfPresent(token);
        if (found == null) {
            return Uni.createFrom().nullItem(); // Quarkus OIDC verifies it
        }
        if (!Instant.now().isBefore(found.expires())) {
            kept.invalidate(token);
            return Uni.createFrom().nullItem(); // and refuses it as expired
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(found.identity())
                .addAttribute(ROUTING_CONTEXT, HttpSecurityUtils.getRoutingContextAttribute(request))
                .addAttribute(REQUEST_CONTEXT, context)
                .build());
    }

    void keep(SecurityIdentity identity) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential != null && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            kept.asMap().computeIfAbsent(credential.getToken(), token -> new Kept(
                    QuarkusSecurityIdentity.builder(identity)
                            .addAttribute(ROUTING_CONTEXT, null)
                            .addAttribute(REQUEST_CONTEXT, null)
                            .build(),
                    Instant.ofEpochSecond(jwt.getExpirationTime())));
        }
    }

    /** Keeps each identity Quarkus OIDC verified, as the request sees it: after every other augmentor. */
    @ApplicationScoped
    public static class Keeper implements SecurityIdentityAugmentor {

        @Inject
        VerifiedTokens tokens;

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            tokens.keep(identity);
            return Uni.createFrom().item(identity);
        }
    }
}
