package io.postyard.mailgun.inbound;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.settings.PostyardSettings;

/** Mailgun's {@code message-url} and {@code storage.url}: where the stored messages API serves a message. */
public class StoredMessageUrls {
    private final String base;

    @Inject
    public StoredMessageUrls(PostyardSettings settings) {
        this(settings.publicUrl() + "/mailgun");
    }

    public StoredMessageUrls(String base) {
        this.base = base;
    }

    public String of(Domain domain, String key) {
        return base + "/v3/domains/" + domain.asString() + "/messages/" + key;
    }
}
