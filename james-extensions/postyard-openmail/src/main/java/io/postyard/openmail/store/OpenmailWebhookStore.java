package io.postyard.openmail.store;

import java.util.Optional;

/** Webhook configurations by scope ({@link OpenmailWebhook#accountScope}, {@link OpenmailWebhook#inboxScope}). */
public interface OpenmailWebhookStore {
    void save(OpenmailWebhook webhook);

    Optional<OpenmailWebhook> get(String scope);

    void delete(String scope);
}
