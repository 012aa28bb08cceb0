package io.postyard.core.webhook;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.apache.james.core.Domain;

/** The URLs (one to three) that one kind of event of a domain is posted to. */
public record DomainWebhook(Domain domain, String name, List<URI> urls) {
    public static final int MAX_URLS = 3;

    public DomainWebhook {
        Objects.requireNonNull(domain);
        Objects.requireNonNull(name);
        urls = List.copyOf(urls);
        if (urls.isEmpty() || urls.size() > MAX_URLS) {
            throw new IllegalArgumentException("A webhook has 1 to " + MAX_URLS + " URLs");
        }
    }
}
