package io.postyard.camel.webhook;

/**
 * OmyPost (our design, docs/api/omypost.md): {@code X-OmyPost-Timestamp} and {@code X-OmyPost-Signature:
 * sha256=<hex HMAC-SHA256 of "{timestamp}.{raw body}" under the webhook's secret>}, plus {@code X-OmyPost-Event-Id}.
 */
public class OmyPostSigner extends TimestampedBodySigner {
    public static final String SCHEME = "omypost";

    public OmyPostSigner() {
        super("X-OmyPost-Event-Id", "X-OmyPost-Timestamp", "X-OmyPost-Signature", "sha256=");
    }

    @Override
    public String scheme() {
        return SCHEME;
    }
}
