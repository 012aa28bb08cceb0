package io.postyard.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;

/**
 * The value of the TXT record that proves an account controls a domain's DNS: an HMAC of the account and the domain
 * under a key derived from the server secret. Nothing is stored, and the token of one account proves nothing for
 * another: a domain published for account A cannot be claimed by account B.
 */
public class DomainOwnershipTokens {
    public static final String PREFIX = "postyard-verification=";
    private static final String PURPOSE = "postyard domain ownership v1";
    private static final int TOKEN_BYTES = 16;

    private final SecretKeySpec key;

    public DomainOwnershipTokens(byte[] serverSecret) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(serverSecret, "HmacSHA256"), PURPOSE), "HmacSHA256");
    }

    /** The whole TXT value to publish at the domain's name. */
    public String record(AccountId account, Domain domain) {
        String message = account.value().length() + ":" + account.value() + "\n" + domain.asString();
        byte[] mac = hmac(key, message);
        return PREFIX + HexFormat.of().formatHex(mac, 0, TOKEN_BYTES);
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
