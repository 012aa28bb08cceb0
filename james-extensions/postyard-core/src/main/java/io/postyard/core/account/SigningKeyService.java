package io.postyard.core.account;

import javax.inject.Inject;

import io.postyard.core.key.KeySecrets;

/** Each account's webhook signing key: made on first use, replaced on demand. */
public class SigningKeyService {
    private static final String PREFIX = "whsec-";

    private final SigningKeyStore store;

    @Inject
    public SigningKeyService(SigningKeyStore store) {
        this.store = store;
    }

    public String signingKey(AccountId account) {
        return store.get(account).orElseGet(() -> store.putIfAbsent(account, KeySecrets.generate(PREFIX)));
    }

    public String rotate(AccountId account) {
        String key = KeySecrets.generate(PREFIX);
        store.put(account, key);
        return key;
    }
}
