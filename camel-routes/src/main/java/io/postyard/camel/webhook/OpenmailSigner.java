package io.postyard.camel.webhook;

/**
 * openmail: the body as it is, with {@code X-Event-Id}, {@code X-Timestamp} and {@code X-Signature} = hex
 * HMAC-SHA256 of {@code "{timestamp}.{raw body}"} under the webhook's secret. Receivers refuse timestamps older than
 * five minutes, so every attempt is signed anew.
 */
public class OpenmailSigner extends TimestampedBodySigner {
    public static final String SCHEME = "openmail";

    public OpenmailSigner() {
        super("X-Event-Id", "X-Timestamp", "X-Signature", "");
    }

    @Override
    public String scheme() {
        return SCHEME;
    }
}
