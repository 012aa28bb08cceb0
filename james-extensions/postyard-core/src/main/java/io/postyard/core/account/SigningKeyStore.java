package io.postyard.core.account;

import java.util.Optional;

/**
 * The account's webhook signing key. Unlike API keys it is kept as it is: receivers verify signatures made with it,
 * so the server must be able to sign again.
 */
public interface SigningKeyStore {
    Optional<String> get(AccountId account);

    /** Sets the key unless one is set; returns the key in force. */
    String putIfAbsent(AccountId account, String key);

    void put(AccountId account, String key);
}
