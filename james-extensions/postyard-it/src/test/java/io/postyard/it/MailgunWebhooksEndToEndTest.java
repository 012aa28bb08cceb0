package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.james.util.Port;
import org.apache.james.utils.SMTPMessageSender;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;
import io.postyard.testing.WebhookReceiver;

/**
 * Mail sent through the Mailgun API and over SMTP submission, delivered to (or refused by) a scripted SMTP sink; each
 * step of its life reaches a real HTTP receiver as a signed Mailgun webhook, and a message's own callback URL gets
 * that message's events.
 */
class MailgunWebhooksEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = "e2e-hooks.test";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static WebhookReceiver receiver;
    private static String signingKey;

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withScriptedSmtpSink()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .setting(Setting.WEBHOOK_ALLOW_PRIVATE, "true")
        .setting(Setting.WEBHOOK_SCHEDULE_SCALE, "0.0002")
        .build();

    @BeforeAll
    static void configure() throws Exception {
        receiver = new WebhookReceiver();
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", DOMAIN)).send();
        postyard.api().post("/mailgun/v3/domains/" + DOMAIN + "/credentials").basicAuth("api", postyard.primaryKey())
            .form(Map.of("login", "app", "password", "app-secret")).send();
        for (String name : List.of("accepted", "delivered", "permanent_fail")) {
            ApiResponse created = postyard.api().post("/mailgun/v3/domains/" + DOMAIN + "/webhooks").basicAuth("api", postyard.primaryKey())
                .form(Map.of("id", name, "url", receiver.url("/hooks/" + name))).send();
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
        }
        signingKey = postyard.api().get("/mailgun/v5/accounts/http_signing_key").basicAuth("api", postyard.primaryKey()).send()
            .json().get("http_signing_key").asText();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private static String send(Map<String, String> fields) {
        ApiResponse response = postyard.api().post("/mailgun/v3/" + DOMAIN + "/messages").basicAuth("api", postyard.primaryKey())
            .form(fields).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("id").asText();
    }

    /** The event-data of every webhook posted to {@code path} about {@code recipient}, once its signature checks out. */
    private static List<JsonNode> eventsAt(String path, String recipient) {
        return receiver.received().stream()
            .filter(request -> request.path().equals(path))
            .map(request -> verified(request.body()))
            .filter(eventData -> eventData.get("recipient").asText().equals(recipient))
            .toList();
    }

    private static JsonNode verified(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode signature = json.get("signature");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((signature.get("timestamp").asText() + signature.get("token").asText())
                .getBytes(StandardCharsets.UTF_8)));
            assertThat(signature.get("signature").asText()).isEqualTo(expected);
            return json.get("event-data");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode awaitOne(String path, String recipient) {
        Awaitility.await().atMost(WAIT).until(() -> eventsAt(path, recipient).size() >= 1);
        return eventsAt(path, recipient).get(0);
    }

    @Test
    void aMessageSentThroughTheApiIsReportedAcceptedThenDelivered() {
        String id = send(Map.of("from", "app@" + DOMAIN, "to", "reader@remote.example", "subject", "Hello hooks", "text", "hi",
            "o:tag", "e2e", "v:order", "42"));

        JsonNode accepted = awaitOne("/hooks/accepted", "reader@remote.example");
        JsonNode delivered = awaitOne("/hooks/delivered", "reader@remote.example");

        assertThat(accepted.get("event").asText()).isEqualTo("accepted");
        assertThat(delivered.get("event").asText()).isEqualTo("delivered");
        assertThat(delivered.get("message").get("headers").get("message-id").asText()).isEqualTo(id.substring(1, id.length() - 1));
        assertThat(delivered.get("message").get("headers").get("subject").asText()).isEqualTo("Hello hooks");
        assertThat(delivered.get("tags").get(0).asText()).isEqualTo("e2e");
        assertThat(delivered.get("user-variables").get("order").asText()).isEqualTo("42");
        assertThat(delivered.get("delivery-status").get("code").asInt()).isEqualTo(250);
        assertThat(delivered.get("id").asText()).isNotEqualTo(accepted.get("id").asText());
    }

    @Test
    void aRecipientTheRemoteServerRefusesIsReportedAsAPermanentFailure() {
        postyard.scriptedSink().onRcpt("nobody@remote.example", "550 5.1.1 <nobody@remote.example>: User unknown");

        send(Map.of("from", "app@" + DOMAIN, "to", "nobody@remote.example", "subject", "Lost", "text", "hi"));

        JsonNode failed = awaitOne("/hooks/permanent_fail", "nobody@remote.example");
        assertThat(failed.get("event").asText()).isEqualTo("failed");
        assertThat(failed.get("severity").asText()).isEqualTo("permanent");
        assertThat(failed.get("delivery-status").get("code").asInt()).isEqualTo(550);
    }

    @Test
    void theCallbackUrlOfAMessageGetsThatMessagesEvents() {
        send(Map.of("from", "app@" + DOMAIN, "to", "callback@remote.example", "subject", "Call me back", "text", "hi",
            "callback_url", receiver.url("/callback/one")));
        send(Map.of("from", "app@" + DOMAIN, "to", "other@remote.example", "subject", "No callback", "text", "hi"));

        JsonNode delivered = Awaitility.await().atMost(WAIT).until(() -> eventsAt("/callback/one", "callback@remote.example").stream()
            .filter(event -> event.get("event").asText().equals("delivered")).findFirst(), java.util.Optional::isPresent).orElseThrow();

        assertThat(delivered.get("message").get("headers").get("subject").asText()).isEqualTo("Call me back");
        awaitOne("/hooks/delivered", "other@remote.example");
        assertThat(receiver.received()).filteredOn(request -> request.path().equals("/callback/one"))
            .allSatisfy(request -> assertThat(verified(request.body()).get("recipient").asText()).isEqualTo("callback@remote.example"));
        assertThat(eventsAt("/hooks/delivered", "callback@remote.example")).hasSize(1);
    }

    @Test
    void mailSubmittedOverSmtpNamesItsCallbackInAHeader() throws Exception {
        try (SMTPMessageSender smtp = new SMTPMessageSender(DOMAIN)) {
            smtp.connect(PostyardExtension.LOCALHOST, Port.of(postyard.submissionPort()))
                .authenticate("app@" + DOMAIN, "app-secret")
                .sendMessageWithHeaders("app@" + DOMAIN, "smtp-callback@remote.example",
                    "From: app@" + DOMAIN + "\r\nTo: smtp-callback@remote.example\r\nSubject: Over SMTP\r\n"
                        + "Message-ID: <smtp-cb@" + DOMAIN + ">\r\nX-Mailgun-Callback-URL: " + receiver.url("/callback/smtp") + "\r\n\r\nhello\r\n");
        }

        Awaitility.await().atMost(WAIT).until(() -> eventsAt("/callback/smtp", "smtp-callback@remote.example").stream()
            .anyMatch(event -> event.get("event").asText().equals("delivered")));
        assertThat(postyard.scriptedSink().received()).filteredOn(message -> message.recipients().contains("smtp-callback@remote.example"))
            .allSatisfy(message -> assertThat(message.data()).doesNotContain("X-Mailgun-Callback-URL"));
    }

    @Test
    void aWebhookTestPostsOneSignedSampleEventAndAnswersWithTheReceiversStatus() {
        receiver.respondAt("/hooks/test-refused", 406);

        ApiResponse stored = postyard.api().put("/mailgun/v3/domains/" + DOMAIN + "/webhooks/delivered/test")
            .basicAuth("api", postyard.primaryKey()).form(Map.of()).send();
        ApiResponse given = postyard.api().put("/mailgun/v3/domains/" + DOMAIN + "/webhooks/permanent_fail/test")
            .basicAuth("api", postyard.primaryKey()).form(Map.of("url", receiver.url("/hooks/test-refused"))).send();

        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        assertThat(stored.json().get("code").asText()).isEqualTo("200");
        JsonNode sample = eventsAt("/hooks/delivered", "alice@example.com").get(0);
        assertThat(sample.get("event").asText()).isEqualTo("delivered");
        assertThat(sample.get("tags").get(0).asText()).isEqualTo("test");
        assertThat(given.json().get("code").asText()).isEqualTo("406");
        JsonNode failed = eventsAt("/hooks/test-refused", "alice@example.com").get(0);
        assertThat(failed.get("severity").asText()).isEqualTo("permanent");
        assertThat(receiver.received().stream().filter(request -> request.path().equals("/hooks/test-refused")).count()).isEqualTo(1);
    }

    @Test
    void aWebhookTestOfAnUnknownNameOrToARefusedUrlIs400() {
        ApiResponse unknown = postyard.api().put("/mailgun/v3/domains/" + DOMAIN + "/webhooks/bounced/test")
            .basicAuth("api", postyard.primaryKey()).form(Map.of("url", receiver.url("/x"))).send();
        ApiResponse notConfigured = postyard.api().put("/mailgun/v3/domains/" + DOMAIN + "/webhooks/opened/test")
            .basicAuth("api", postyard.primaryKey()).form(Map.of()).send();
        ApiResponse badUrl = postyard.api().put("/mailgun/v3/domains/" + DOMAIN + "/webhooks/opened/test")
            .basicAuth("api", postyard.primaryKey()).form(Map.of("url", "ftp://example.com/x")).send();

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(notConfigured.status()).isEqualTo(404);
        assertThat(badUrl.status()).isEqualTo(400);
    }
}
