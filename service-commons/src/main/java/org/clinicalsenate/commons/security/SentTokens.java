package org.clinicalsenate.commons.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * A bearer token that is sent is verified, on public endpoints too: a client whose token is
 * forged, expired or from another issuer is told so (401) rather than silently served as
 * anonymous. Authentication is lazy (so that its failures reach the problem mappers); this
 * resolves it for every request that carries credentials.
 */
public class SentTokens {

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public void verify(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            identity.isAnonymous(); // a token that fails verification throws AuthenticationFailedException here
        }
    }
}
