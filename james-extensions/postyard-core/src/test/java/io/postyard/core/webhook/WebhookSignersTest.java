package io.postyard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookSignersTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final byte[] PAYLOAD = "{\"event\":\"delivered\",\"id\":\"ev-1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aTimestampedBodySignerSignsTimestampDotRawBodyAndKeepsTheBodyAsIs() throws Exception {
        SignedRequest request = new TimestampedBodySigner("X-Event-Id", "X-Timestamp", "X-Signature", "").sign(PAYLOAD, "ev-1", "whsec", NOW);

        String timestamp = Long.toString(NOW.getEpochSecond());
        assertThat(request.body()).isEqualTo(PAYLOAD);
        assertThat(request.headers()).containsEntry("X-Event-Id", "ev-1").containsEntry("X-Timestamp", timestamp)
            .containsEntry("X-Signature", ExpectedSignatures.hmacHex("whsec", timestamp + "." + new String(PAYLOAD, StandardCharsets.UTF_8)));
    }

    @Test
    void aTimestampedBodySignerPrefixesItsSignatureWhenAsked() throws Exception {
        SignedRequest request = new TimestampedBodySigner("X-OmyPost-Event-Id", "X-OmyPost-Timestamp", "X-OmyPost-Signature", "sha256=")
            .sign(PAYLOAD, "ev-1", "secret", NOW);

        String timestamp = Long.toString(NOW.getEpochSecond());
        assertThat(request.headers()).containsEntry("X-OmyPost-Event-Id", "ev-1").containsEntry("X-OmyPost-Timestamp", timestamp)
            .containsEntry("X-OmyPost-Signature", "sha256=" + ExpectedSignatures.hmacHex("secret", timestamp + "." + new String(PAYLOAD, StandardCharsets.UTF_8)));
    }
}
