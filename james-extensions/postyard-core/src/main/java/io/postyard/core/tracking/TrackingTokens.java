package io.postyard.core.tracking;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

import io.postyard.core.link.HmacKey;

/**
 * Tracking links carry their meaning in clear, signed with HMAC-SHA256 under the server's tracking secret: a
 * recipient can neither forge a link for another address nor guess one.
 */
public class TrackingTokens {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int SIGNATURE_BYTES = 16;
    private static final int MAX_TOKEN_LENGTH = 8192;

    private final HmacKey key;

    public TrackingTokens(byte[] secret) {
        this.key = HmacKey.of(secret);
    }

    public String sign(TrackingToken token) {
        try {
            String payload = ENCODER.encodeToString(JSON.writeValueAsBytes(token));
            return payload + "." + ENCODER.encodeToString(signature(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode a tracking token", e);
        }
    }

    public Optional<TrackingToken> verify(String signed) {
        if (signed == null || signed.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int dot = signed.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = signed.substring(0, dot);
        try {
            byte[] presented = DECODER.decode(signed.substring(dot + 1));
            if (!MessageDigest.isEqual(presented, signature(payload))) {
                return Optional.empty();
            }
            return Optional.of(JSON.readValue(DECODER.decode(payload), TrackingToken.class));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private byte[] signature(String payload) {
        return Arrays.copyOf(key.sign(payload), SIGNATURE_BYTES);
    }
}
