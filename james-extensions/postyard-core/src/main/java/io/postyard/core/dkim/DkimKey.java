package io.postyard.core.dkim;

import java.time.Instant;
import java.util.Objects;

import org.apache.james.core.Domain;

/**
 * A domain's DKIM signing key. The public half is published in DNS at {@code <selector>._domainkey.<domain>}; the
 * private half (PKCS#8, PEM) signs outgoing mail.
 */
public record DkimKey(Domain domain, String selector, String privateKeyPem, String publicKeyBase64, Instant createdAt) {
    public DkimKey {
        Objects.requireNonNull(domain);
        Objects.requireNonNull(selector);
        Objects.requireNonNull(privateKeyPem);
        Objects.requireNonNull(publicKeyBase64);
        Objects.requireNonNull(createdAt);
    }

    public String recordName() {
        return selector + "._domainkey." + domain.asString();
    }

    public String recordValue() {
        return "k=rsa; p=" + publicKeyBase64;
    }

    @Override
    public String toString() {
        return "DkimKey{" + recordName() + "}";
    }
}
