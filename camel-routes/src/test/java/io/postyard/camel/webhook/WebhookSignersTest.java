package io.postyard.camel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class WebhookSignersTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final byte[] PAYLOAD = "{\"event\":\"delivered\",\"id\":\"ev-1\"}".getBytes(StandardCharsets.UTF_8);

    private static String hmac(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void mailgunSignsTimestampAndA50HexTokenAndWrapsTheEventData() throws Exception {
        SignedRequest request = new MailgunSigner().sign(PAYLOAD, "ev-1", "signing-key", NOW);

        JsonNode body = new ObjectMapper().readTree(request.body());
        JsonNode signature = body.get("signature");
        assertThat(signature.get("timestamp").asText()).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(signature.get("token").asText()).matches("[0-9a-f]{50}");
        assertThat(signature.get("signature").asText())
            .isEqualTo(hmac("signing-key", signature.get("timestamp").asText() + signature.get("token").asText()));
        assertThat(body.get("event-data").get("id").asText()).isEqualTo("ev-1");
    }

    @Test
    void mailgunTokensDifferOnEveryAttempt() throws Exception {
        ObjectMapper json = new ObjectMapper();
        MailgunSigner signer = new MailgunSigner();

        String first = json.readTree(signer.sign(PAYLOAD, "ev-1", "k", NOW).body()).get("signature").get("token").asText();
        String second = json.readTree(signer.sign(PAYLOAD, "ev-1", "k", NOW).body()).get("signature").get("token").asText();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void openmailSignsTimestampDotRawBodyAndKeepsTheBodyAsIs() throws Exception {
        SignedRequest request = new OpenmailSigner().sign(PAYLOAD, "ev-1", "whsec", NOW);

        String timestamp = Long.toString(NOW.getEpochSecond());
        assertThat(request.body()).isEqualTo(PAYLOAD);
        assertThat(request.headers()).containsEntry("X-Event-Id", "ev-1").containsEntry("X-Timestamp", timestamp)
            .containsEntry("X-Signature", hmac("whsec", timestamp + "." + new String(PAYLOAD, StandardCharsets.UTF_8)));
    }

    @Test
    void omyPostPrefixesTheAlgorithmToItsSignature() throws Exception {
        SignedRequest request = new OmyPostSigner().sign(PAYLOAD, "ev-1", "secret", NOW);

        String timestamp = Long.toString(NOW.getEpochSecond());
        assertThat(request.headers()).containsEntry("X-OmyPost-Event-Id", "ev-1").containsEntry("X-OmyPost-Timestamp", timestamp)
            .containsEntry("X-OmyPost-Signature", "sha256=" + hmac("secret", timestamp + "." + new String(PAYLOAD, StandardCharsets.UTF_8)));
    }
}
