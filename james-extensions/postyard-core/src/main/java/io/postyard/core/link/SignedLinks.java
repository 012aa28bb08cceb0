package io.postyard.core.link;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Signatures for links that grant access to one resource until a time (openmail's attachment URLs): hex HMAC-SHA256
 * of the resource and the expiry, under a key derived from the server secret, so a link can be neither extended nor
 * pointed at another resource. The derivation keeps these signatures apart from the tracking tokens signed with the
 * same secret.
 */
public class SignedLinks {
    public enum Verdict {
        VALID,
        EXPIRED,
        INVALID
    }

    private static final String PURPOSE = "postyard signed links v1";

    private final HmacKey key;

    public SignedLinks(byte[] serverSecret) {
        this.key = HmacKey.of(serverSecret).derive(PURPOSE);
    }

    public String sign(String resource, Instant expiresAt) {
        return HexFormat.of().formatHex(key.sign(message(resource, expiresAt.getEpochSecond())));
    }

    /** Whether the signature is the resource's for that expiry, and the expiry has not passed at {@code now}. */
    public Verdict verify(String resource, long expiresAtEpochSecond, String signature, Instant now) {
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(signature);
        } catch (IllegalArgumentException e) {
            return Verdict.INVALID;
        }
        if (!MessageDigest.isEqual(presented, key.sign(message(resource, expiresAtEpochSecond)))) {
            return Verdict.INVALID;
        }
        return now.getEpochSecond() < expiresAtEpochSecond ? Verdict.VALID : Verdict.EXPIRED;
    }

    /** The resource may hold any character but a newline cannot end it early: its length is part of the message. */
    private static String message(String resource, long expiresAt) {
        return resource.length() + ":" + resource + "\n" + expiresAt;
    }
}
