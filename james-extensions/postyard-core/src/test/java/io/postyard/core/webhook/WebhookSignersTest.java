package io.postyard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class WebhookSignersTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final byte[] PAYLOAD = "{\"event\":\"delivered\",\"id\":\"ev-1\"}".getBytes(StandardCharsets.UTF_8);

    private static String hmac(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aTimestampedBodySignerSignsTimestampDotRawBodyAndKeepsTheBodyAsIs() throws Exception {
        SignedRequest request = new TimestampedBodySigner("X-Event-Id", "X-Timestamp", "X-Signature", "").sign(PAYLOAD, "ev-1", "whsec", NOW);

        String timestamp = Long.toString(NOW.getEpochSecond());
        assertThat(request.body()).isEqualTo(PAYLOAD);
        assertThat(request.headers()).containsEntry("X-Event-Id", "ev-1").containsEntry("X-Timestamp", timestamp)
            .containsEntry("X-Signature", hmac("whsec", timestamp + "." + new String(PAYLOAD, StandardCharsets.UTF_8)));
    }

    @Test
    void aTimestampedBodySignerPrefixesItsSignatureWhenAsked() throws Exception {
        SignedRequest request = new TimestampedBodySigner("X-OmyPost-Event-Id", "X-OmyPost-Timestamp", "X-OmyPost-Signature", "sha256=")
            .sign(PAYLOAD, "ev-1", "secret", NOW);

        String timestamp = Long.toString(NOW.getEpochSecond());
        assertThat(request.headers()).containsEntry("X-OmyPost-Event-Id", "ev-1").containsEntry("X-OmyPost-Timestamp", timestamp)
            .containsEntry("X-OmyPost-Signature", "sha256=" + hmac("secret", timestamp + "." + new String(PAYLOAD, StandardCharsets.UTF_8)));
    }
}
