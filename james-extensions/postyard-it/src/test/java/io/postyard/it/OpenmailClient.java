package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.utils.SMTPMessageSender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;
import io.postyard.testing.ScriptedSmtpSink;
import io.postyard.testing.WebhookReceiver;

/** The openmail API as an agent's code calls it, with one key, and what the tests check on the other side. */
final class OpenmailClient {
    static final String BASE = "/openmail/v1";
    static final String DOMAIN = "openmail.localhost";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PostyardExtension postyard;
    private final String key;

    OpenmailClient(PostyardExtension postyard, String key) {
        this.postyard = postyard;
        this.key = key;
    }

    /** A client with a new openmail key of the account, made by an operator on WebAdmin. */
    static OpenmailClient withNewKey(PostyardExtension postyard, String account) {
        ApiResponse created = postyard.webAdmin().post("/postyard/keys")
            .json("{\"kind\":\"openmail\",\"description\":\"agents\",\"account\":\"" + account + "\"}").send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new OpenmailClient(postyard, created.json().get("secret").asText());
    }

    String key() {
        return key;
    }

    HttpApi.Call call(String method, String path) {
        return postyard.api().call(method, BASE + path).bearer(key);
    }

    JsonNode createInbox(String json) {
        ApiResponse created = call("POST", "/inboxes").json(json).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    ApiResponse send(String inboxId, String idempotencyKey, String json) {
        return call("POST", "/inboxes/" + inboxId + "/send").header("Idempotency-Key", idempotencyKey).json(json).send();
    }

    /** Sends under a fresh idempotency key and expects it to be accepted. */
    JsonNode sent(String inboxId, String json) {
        ApiResponse sent = send(inboxId, UUID.randomUUID().toString(), json);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.json();
    }

    HttpResponse<byte[]> download(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Mail from the outside world to an inbox, over SMTP. */
    static void deliver(PostyardExtension postyard, String from, String to, String mime) throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "airline.test")) {
            smtp.sendMessageWithHeaders(from, to, mime);
        }
    }

    /** The payload of an openmail webhook request, after checking its signature as a receiver must. */
    static JsonNode verifiedPayload(WebhookReceiver.ReceivedRequest request, String secret) throws Exception {
        String timestamp = request.header("X-Timestamp");
        assertThat(request.header("X-Signature")).isEqualTo(hmac(secret, timestamp + "." + request.bodyAsString()));
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(300);
        JsonNode payload = JSON.readTree(request.body());
        assertThat(request.header("X-Event-Id")).isEqualTo(payload.get("event_id").asText());
        return payload;
    }

    static String hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** The messages the sink accepted whose Subject is this one, parsed. */
    static List<MimeMessage> arrived(ScriptedSmtpSink sink, String subject) {
        return sink.received().stream().map(OpenmailClient::parse).filter(message -> subject.equals(subjectOf(message))).toList();
    }

    static MimeMessage parse(ScriptedSmtpSink.Received received) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(received.data().getBytes(StandardCharsets.ISO_8859_1)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, " ");
            return value == null ? null : javax.mail.internet.MimeUtility.unfold(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
