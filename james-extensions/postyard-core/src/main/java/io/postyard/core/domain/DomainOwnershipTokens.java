package io.postyard.core.domain;

import java.util.HexFormat;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;
import io.postyard.core.link.HmacKey;

/**
 * The value of the TXT record that proves an account controls a domain's DNS: an HMAC of the account and the domain
 * under a key derived from the server secret. Nothing is stored, and the token of one account proves nothing for
 * another: a domain published for account A cannot be claimed by account B.
 */
public class DomainOwnershipTokens {
    public static final String PREFIX = "postyard-verification=";
    private static final String PURPOSE = "postyard domain ownership v1";
    private static final int TOKEN_BYTES = 16;

    private final HmacKey key;

    public DomainOwnershipTokens(byte[] serverSecret) {
        this.key = HmacKey.of(serverSecret).derive(PURPOSE);
    }

    /** The whole TXT value to publish at the domain's name. */
    public String record(AccountId account, Domain domain) {
        String message = account.value().length() + ":" + account.value() + "\n" + domain.asString();
        byte[] mac = key.sign(message);
        return PREFIX + HexFormat.of().formatHex(mac, 0, TOKEN_BYTES);
    }
}
