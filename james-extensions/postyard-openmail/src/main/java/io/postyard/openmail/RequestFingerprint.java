package io.postyard.openmail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What makes two requests with one idempotency key "the same": the same target and the same JSON, whatever the order
 * of its members or its white space, so a client library that serialises a retry differently is not refused.
 */
final class RequestFingerprint {
    private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static String of(String target, JsonNode body) {
        try {
            Object plain = CANONICAL.treeToValue(body, Object.class);
            byte[] canonical = CANONICAL.writeValueAsBytes(plain);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            return HexFormat.of().formatHex(digest.digest(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed JSON tree always serialises", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }

    private RequestFingerprint() {
    }
}
