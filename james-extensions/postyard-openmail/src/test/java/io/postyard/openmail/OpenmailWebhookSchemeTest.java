package io.postyard.openmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.postyard.core.webhook.SignedRequest;

class OpenmailWebhookSchemeTest {
    @Test
    void openmailMakesFiveAttemptsAtZeroThirtySixtySecondsTwoAndFourMinutesFromTheFirst() {
        assertThat(OpenmailWebhookScheme.SCHEME.schedule().delays()).as("four retries after the first attempt").hasSize(4);
        assertThat(OpenmailWebhookScheme.SCHEME.schedule().delayPattern(1)).isEqualTo("1:30000;2:30000;3:60000;4:120000");
        assertThat(OpenmailWebhookScheme.SCHEME.schedule().finalCodes()).isEmpty();
    }

    @Test
    void eachAttemptIsSignedWithItsNumberInTheBodyAndTheDocumentedHeaders() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        byte[] payload = OpenmailWebhookScheme.SCHEME.finaliser()
            .finalise("{\"event_id\":\"ev-1\"}".getBytes(StandardCharsets.UTF_8), 2, now);

        SignedRequest request = OpenmailWebhookScheme.SCHEME.signer().sign(payload, "ev-1", "whsec", now);

        assertThat(new String(request.body(), StandardCharsets.UTF_8)).contains("\"attempt\":2");
        assertThat(request.headers()).containsKeys("X-Event-Id", "X-Timestamp", "X-Signature");
    }
}
