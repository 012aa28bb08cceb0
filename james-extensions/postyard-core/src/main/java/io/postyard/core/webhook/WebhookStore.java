package io.postyard.core.webhook;

import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;

public interface WebhookStore {
    /** Stores the webhook unless one of that name exists; tells whether it was stored. */
    boolean insertIfAbsent(DomainWebhook webhook);

    void save(DomainWebhook webhook);

    Optional<DomainWebhook> get(Domain domain, String name);

    /** The domain's webhooks, ordered by name. */
    List<DomainWebhook> list(Domain domain);

    boolean delete(Domain domain, String name);

    void deleteDomain(Domain domain);
}
