package org.clinicalsenate.commons.page;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * An opaque, tamper-evident keyset cursor: the sort key of the last item of a page, signed with an
 * HMAC over the list and the filters it was made for. A cursor that was changed, or that belongs
 * to another list or other filters, is a 400 problem, never a wrong page. Clients must not build
 * one. The key is {@code senate.pagination.cursor-key} (the same on every replica).
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';
    private static final int SIGNATURE_BYTES = 16;
    private static final String CONFIG_KEY = "senate.pagination.cursor-key";
    private static volatile SecretKeySpec key;

    private Cursor() {
    }

    /**
     * @param binding what the cursor is valid for: the list and its filters
     * @param keyParts the sort key of the last item of the page
     */
    public static String encode(String binding, List<String> keyParts) {
        byte[] payload = String.join(String.valueOf(SEPARATOR), keyParts).getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload) + "." + base64.encodeToString(sign(binding, payload));
    }

    /** The key parts of a cursor, or an empty list when there is no cursor (the first page). */
    public static List<String> decode(String cursor, String binding, int expectedParts) {
        if (cursor == null || cursor.isEmpty()) {
            return List.of();
        }
        int dot = cursor.indexOf('.');
        try {
            if (dot > 0) {
                byte[] payload = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
                byte[] signature = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
                if (MessageDigest.isEqual(signature, sign(binding, payload))) {
                    List<String> parts = List.of(new String(payload, StandardCharsets.UTF_8)
                            .split(String.valueOf(SEPARATOR), -1));
                    if (parts.size() == expectedParts) {
                        return parts;
                    }
                }
            }
        } catch (IllegalArgumentException ignored) {
            // fall through to the problem below
        }
        throw invalid();
    }

    /** A key part read back as the type of its sort key. */
    static Object read(String part, Class<?> type) {
        try {
            if (type == String.class) {
                return part;
            }
            if (type == UUID.class) {
                return UUID.fromString(part);
            }
            if (type == Instant.class) {
                return Instant.parse(part);
            }
            if (type == LocalDate.class) {
                return LocalDate.parse(part);
            }
            if (type == Long.class) {
                return Long.parseLong(part);
            }
            if (type == Integer.class) {
                return Integer.parseInt(part);
            }
        } catch (RuntimeException e) {
            throw invalid(); // signed by us, so only a key of another type: not ours to read
        }
        throw new IllegalArgumentException("No cursor part of type " + type);
    }

    private static byte[] sign(String binding, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            mac.update(binding.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            String configured = ConfigProvider.getConfig().getOptionalValue(CONFIG_KEY, String.class)
                    .orElse("clinical-senate-cursors");
            current = new SecretKeySpec(configured.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            key = current;
        }
        return current;
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemType.INVALID_CURSOR,
                "cursor must be the nextCursor of a previous page of this list, with the same filters");
    }
}
