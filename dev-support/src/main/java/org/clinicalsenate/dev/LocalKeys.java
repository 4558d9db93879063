package org.clinicalsenate.dev;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The committed local key pair (see local-keys/README.md: for local runs and tests only). */
public final class LocalKeys {

    public static final String KEY_ID = "local-dev-key";

    private LocalKeys() {
    }

    public static PrivateKey privateKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem("private-key.pem")));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the local private key", e);
        }
    }

    public static RSAPublicKey publicKey() {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pem("public-key.pem")));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the local public key", e);
        }
    }

    private static byte[] pem(String name) throws IOException {
        try (InputStream in = LocalKeys.class.getResourceAsStream("/local-keys/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
        }
    }
}
