package io.postyard.mailgun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.postyard.core.webhook.ExpectedSignatures;
import io.postyard.core.webhook.SignedRequest;

class MailgunWebhookSchemeTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final byte[] PAYLOAD = "{\"event\":\"delivered\",\"id\":\"ev-1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void mailgunSignsTimestampAndA50HexTokenAndWrapsTheEventData() throws Exception {
        SignedRequest request = MailgunWebhookScheme.SCHEME.signer().sign(PAYLOAD, "ev-1", "signing-key", NOW);

        JsonNode body = new ObjectMapper().readTree(request.body());
        JsonNode signature = body.get("signature");
        assertThat(signature.get("timestamp").asText()).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(signature.get("token").asText()).matches("[0-9a-f]{50}");
        assertThat(signature.get("signature").asText())
            .isEqualTo(ExpectedSignatures.hmacHex("signing-key", signature.get("timestamp").asText() + signature.get("token").asText()));
        assertThat(body.get("event-data").get("id").asText()).isEqualTo("ev-1");
    }

    @Test
    void mailgunTokensDifferOnEveryAttempt() throws Exception {
        ObjectMapper json = new ObjectMapper();

        String first = json.readTree(new MailgunSigner().sign(PAYLOAD, "ev-1", "k", NOW).body()).get("signature").get("token").asText();
        String second = json.readTree(new MailgunSigner().sign(PAYLOAD, "ev-1", "k", NOW).body()).get("signature").get("token").asText();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void mailgunRetriesAfterFiveTenFifteenMinutesThenOneTwoFourHoursAndStopsAt406() {
        assertThat(MailgunWebhookScheme.SCHEME.name()).isEqualTo("mailgun");
        assertThat(MailgunWebhookScheme.SCHEME.schedule().delayPattern(1)).isEqualTo("1:300000;2:600000;3:900000;4:3600000;5:7200000;6:14400000");
        assertThat(MailgunWebhookScheme.SCHEME.schedule().finalCodes()).containsExactly(406);
    }
}
