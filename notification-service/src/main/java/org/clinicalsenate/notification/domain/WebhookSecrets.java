package org.clinicalsenate.notification.domain;

import java.security.SecureRandom;
import java.util.Base64;

/** Signing secrets as Standard Webhooks has them: {@code whsec_} and the base64 of 32 random bytes. */
public final class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    public static String generate() {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }
}
