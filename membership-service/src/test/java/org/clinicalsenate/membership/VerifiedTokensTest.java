package org.clinicalsenate.membership;

import static org.clinicalsenate.testing.Api.as;

import java.time.Duration;

import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A token is verified once and its identity kept (VerifiedTokens): what is kept must never let through a
 * token that would be refused, nor lose what the token gives.
 */
@QuarkusTest
class VerifiedTokensTest {

    @Test
    void aKeptTokenIsRefusedOnceItHasExpired() throws InterruptedException {
        long expires = System.currentTimeMillis() + 6_000;
        String token = Tokens.platformAdminFor(Duration.ofSeconds(6));
        as(token).get("/members?senate=london").then().statusCode(200);
        as(token).get("/members?senate=london").then().statusCode(200);
        Thread.sleep(Math.max(0, expires + 1_100 - System.currentTimeMillis())); // exp has whole seconds
        as(token).get("/members?senate=london").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aKeptTokenChangedByOneCharacterIsVerifiedAgainAndRefused() {
        String token = Tokens.platformAdmin();
        as(token).get("/members?senate=london").then().statusCode(200);
        int at = token.length() - 20; // inside the signature (its last character may carry only padding bits)
        String changed = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        as(changed).get("/members?senate=london").then().statusCode(401);
        as(changed).get("/senates").then().statusCode(401); // public, but a token that is sent must verify
    }

    @Test
    void aKeptServiceTokenKeepsTheServiceItIsBoundTo() {
        String review = Tokens.service("review-service");
        String notification = Tokens.service("notification-service");
        for (int read = 0; read < 2; read++) {
            as(review).get("/members?senate=london").then().statusCode(200);
            as(notification).get("/members?senate=london").then().statusCode(403);
        }
    }
}
