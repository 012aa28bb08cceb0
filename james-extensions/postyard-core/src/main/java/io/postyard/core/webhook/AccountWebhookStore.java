package io.postyard.core.webhook;

import java.util.List;
import java.util.Optional;

import io.postyard.core.account.AccountId;

public interface AccountWebhookStore {
    void save(AccountWebhook webhook);

    Optional<AccountWebhook> get(String id);

    /** The account's webhooks with one provider, oldest first. */
    List<AccountWebhook> list(AccountId account, String provider);

    void delete(String id);
}
