package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;
import io.postyard.testing.ScriptedSmtpSink;
import io.postyard.testing.WebhookReceiver;

/**
 * Mail to an OmyPost account over SMTP is listed, parsed and downloadable through the API and fires a signed
 * {@code email.received} webhook; mail sent from an account goes through the same pipeline as Mailgun sends, out to a
 * scripted SMTP sink, with its events as webhooks.
 */
class OmyPostMessagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "omypost-test-secret";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withScriptedSmtpSink()
        .setting(Setting.WEBHOOK_ALLOW_PRIVATE, "true")
        .build();

    private static WebhookReceiver receiver;
    private static String key;
    private static String emailId;
    private static String password;

    @BeforeAll
    static void createAccountAndWebhook() throws Exception {
        receiver = new WebhookReceiver();
        key = postyard.createKey("omypost", "emails:write", "emails:read", "messages:read", "messages:write", "messages:send",
            "webhooks:write", "webhooks:read");
        JsonNode email = call("POST", "/emails").json("{\"prefix\":\"reader\"}").send().json();
        emailId = email.get("id").asText();
        password = email.get("password").asText();
        ApiResponse webhook = call("POST", "/webhooks").json("{\"url\":\"" + receiver.url("/omypost") + "\",\"secret\":\"" + SECRET + "\"}").send();
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private static HttpApi.Call call(String method, String path) {
        return postyard.api().call(method, "/omypost/v1" + path).bearer(key);
    }

    private static void deliver(String subject, String mime) throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            smtp.sendMessageWithHeaders("alice@outside.test", "reader@omypost.localhost", mime);
        }
        Awaitility.await().atMost(WAIT).until(() -> messages().stream().anyMatch(message -> subject.equals(message.get("subject").asText())));
    }

    private static List<JsonNode> messages() {
        JsonNode body = call("GET", "/emails/" + emailId + "/messages?limit=100").send().json();
        return java.util.stream.StreamSupport.stream(body.get("data").spliterator(), false).toList();
    }

    private static JsonNode message(String subject) {
        return messages().stream().filter(message -> subject.equals(message.get("subject").asText())).findFirst().orElseThrow();
    }

    private static List<JsonNode> webhooks(String event) {
        return receiver.received().stream()
            .filter(request -> request.path().equals("/omypost"))
            .map(request -> {
                String timestamp = request.header("X-OmyPost-Timestamp");
                assertThat(request.header("X-OmyPost-Signature")).isEqualTo("sha256=" + hmac(timestamp + "." + request.bodyAsString()));
                assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(300);
                try {
                    JsonNode payload = JSON.readTree(request.body());
                    assertThat(request.header("X-OmyPost-Event-Id")).isEqualTo(payload.get("id").asText());
                    return payload;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            })
            .filter(payload -> payload.get("event").asText().equals(event))
            .toList();
    }

    private static String hmac(String message) {
        return hmac(SECRET, message);
    }

    @Test
    void receivedMailIsListedParsedAndAnnouncedBySignedWebhook() throws Exception {
        byte[] pdf = "%PDF-1.4 fake but binary \u0000\u0001\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        deliver("Invoice", "From: Alice <alice@outside.test>\r\nTo: reader@omypost.localhost\r\nCc: carol@outside.test\r\n"
            + "Subject: Invoice\r\nMessage-ID: <invoice-1@outside.test>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"MIX\"\r\n\r\n"
            + "--MIX\r\nContent-Type: multipart/alternative; boundary=\"ALT\"\r\n\r\n"
            + "--ALT\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nPlease pay 42 \u20ac.\r\n"
            + "--ALT\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>Please pay <b>42</b></p>\r\n--ALT--\r\n"
            + "--MIX\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"invoice.pdf\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(pdf) + "\r\n--MIX--\r\n");

        JsonNode summary = message("Invoice");
        assertThat(summary.get("id").asText()).matches("msg_\\d+");
        assertThat(summary.get("from").asText()).isEqualTo("Alice <alice@outside.test>");
        assertThat(summary.get("has_attachments").asBoolean()).isTrue();

        JsonNode full = call("GET", "/emails/" + emailId + "/messages/" + summary.get("id").asText()).send().json();
        assertThat(full.get("to").get(0).asText()).isEqualTo("reader@omypost.localhost");
        assertThat(full.get("cc").get(0).asText()).isEqualTo("carol@outside.test");
        assertThat(full.get("text").asText()).contains("Please pay 42");
        assertThat(full.get("html").asText()).contains("<b>42</b>");
        JsonNode attachment = full.get("attachments").get(0);
        assertThat(attachment.get("filename").asText()).isEqualTo("invoice.pdf");
        assertThat(attachment.get("content_type").asText()).isEqualTo("application/pdf");
        assertThat(attachment.get("size").asInt()).isEqualTo(pdf.length);
        assertThat(download(attachment.get("download_url").asText())).isEqualTo(pdf);
        assertThat(new String(download(full.get("raw_url").asText()), StandardCharsets.UTF_8)).contains("Message-ID: <invoice-1@outside.test>");

        Awaitility.await().atMost(WAIT).until(() -> webhooks("email.received").stream()
            .anyMatch(payload -> payload.get("data").get("subject").asText().equals("Invoice")));
        JsonNode received = webhooks("email.received").stream()
            .filter(payload -> payload.get("data").get("subject").asText().equals("Invoice")).findFirst().orElseThrow();
        assertThat(received.get("data").get("email_id").asText()).isEqualTo(emailId);
        assertThat(received.get("data").get("message_id").asText()).isEqualTo(summary.get("id").asText());
        assertThat(received.get("data").get("email").asText()).isEqualTo("reader@omypost.localhost");
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void theAccountsMailIsAlsoReadableOverImapWithItsPassword() throws Exception {
        deliver("Over IMAP", "From: alice@outside.test\r\nTo: reader@omypost.localhost\r\nSubject: Over IMAP\r\n\r\nhello imap\r\n");

        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort()).login("reader@omypost.localhost", password).select(TestIMAPClient.INBOX);
            assertThat(imap.getMessageCount(TestIMAPClient.INBOX)).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aDeletedMessageIsGone() throws Exception {
        deliver("Delete me", "From: alice@outside.test\r\nTo: reader@omypost.localhost\r\nSubject: Delete me\r\n\r\nbye\r\n");
        String id = message("Delete me").get("id").asText();

        ApiResponse deleted = call("DELETE", "/emails/" + emailId + "/messages/" + id).send();

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(call("GET", "/emails/" + emailId + "/messages/" + id).send().status()).isEqualTo(404);
        assertThat(call("DELETE", "/emails/" + emailId + "/messages/" + id).send().status()).isEqualTo(404);
        assertThat(call("GET", "/emails/" + emailId + "/messages/msg_999999").send().status()).isEqualTo(404);
        assertThat(call("GET", "/emails/" + emailId + "/messages/nonsense").send().status()).isEqualTo(404);
        assertThat(call("GET", "/emails/em_unknown/messages").send().status()).isEqualTo(404);
    }

    @Test
    void mailSentFromAnAccountLeavesThroughThePipelineAndReportsBack() throws Exception {
        ApiResponse sent = call("POST", "/emails/" + emailId + "/messages").json("{\"to\":[\"friend@remote.example\"],"
            + "\"subject\":\"From OmyPost\",\"text\":\"hello friend\",\"html\":\"<p>hello friend</p>\","
            + "\"attachments\":[{\"filename\":\"note.txt\",\"content\":\"" + Base64.getEncoder().encodeToString("a note".getBytes()) + "\","
            + "\"content_type\":\"text/plain\"}]}").send();

        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.json().get("status").asText()).isEqualTo("queued");
        List<ScriptedSmtpSink.Received> arrived = postyard.scriptedSink().awaitReceived(1, WAIT);
        ScriptedSmtpSink.Received message = arrived.stream().filter(candidate -> candidate.data().contains("From OmyPost")).findFirst().orElseThrow();
        assertThat(message.recipients()).containsExactly("friend@remote.example");
        assertThat(message.data()).contains("From: reader@omypost.localhost").contains("note.txt").contains("DKIM-Signature:");
        assertThat(message.from()).startsWith("bounce+").endsWith("@omypost.localhost");
        Awaitility.await().atMost(WAIT).until(() -> webhooks("email.delivered").stream()
            .anyMatch(payload -> payload.get("data").get("recipient").asText().equals("friend@remote.example")));
        JsonNode delivered = webhooks("email.delivered").stream()
            .filter(payload -> payload.get("data").get("recipient").asText().equals("friend@remote.example")).findFirst().orElseThrow();
        assertThat(delivered.get("data").get("email_id").asText()).isEqualTo(emailId);
        assertThat(webhooks("email.sent")).anySatisfy(payload ->
            assertThat(payload.get("data").get("recipient").asText()).isEqualTo("friend@remote.example"));
    }

    @Test
    void aSuppressedRecipientIsNotSentToAndReportedAsBounced() {
        ApiResponse suppressed = postyard.api().post("/mailgun/v3/omypost.localhost/bounces").basicAuth("api", postyard.primaryKey())
            .form(Map.of("address", "gone@remote.example", "code", "550", "error", "No such mailbox")).send();
        assertThat(suppressed.status()).as(suppressed.toString()).isEqualTo(200);
        int attemptsBefore = postyard.scriptedSink().attempts().size();

        ApiResponse sent = call("POST", "/emails/" + emailId + "/messages")
            .json("{\"to\":\"gone@remote.example\",\"subject\":\"Suppressed\",\"text\":\"never\"}").send();

        assertThat(sent.status()).isEqualTo(202);
        Awaitility.await().atMost(WAIT).until(() -> webhooks("email.bounced").stream()
            .anyMatch(payload -> payload.get("data").get("recipient").asText().equals("gone@remote.example")));
        assertThat(webhooks("email.bounced").stream().filter(payload -> payload.get("data").get("recipient").asText().equals("gone@remote.example"))
            .findFirst().orElseThrow().get("data").get("reason").asText()).isEqualTo("suppress-bounce");
        assertThat(postyard.scriptedSink().attempts().subList(attemptsBefore, postyard.scriptedSink().attempts().size()))
            .doesNotContain("gone@remote.example");
    }

    @Test
    void badSendRequestsAre400() {
        String path = "/emails/" + emailId + "/messages";
        assertThat(call("POST", path).json("{\"subject\":\"s\",\"text\":\"t\"}").send().status()).isEqualTo(400);
        assertThat(call("POST", path).json("{\"to\":\"not an address\",\"subject\":\"s\",\"text\":\"t\"}").send().status()).isEqualTo(400);
        assertThat(call("POST", path).json("{\"to\":\"a@b.example\",\"text\":\"t\"}").send().status()).isEqualTo(400);
        assertThat(call("POST", path).json("{\"to\":\"a@b.example\",\"subject\":\"s\"}").send().status()).isEqualTo(400);
        assertThat(call("POST", path).json("{\"to\":\"a@b.example\",\"subject\":\"s\\r\\nBcc: x@evil.example\",\"text\":\"t\"}").send().status())
            .isEqualTo(400);
        assertThat(call("POST", path).json("{\"to\":\"a@b.example\\r\\nBcc: x@evil.example\",\"subject\":\"s\",\"text\":\"t\"}").send().status())
            .isEqualTo(400);
        assertThat(call("POST", path).json("{\"to\":\"a@b.example\",\"subject\":\"s\",\"text\":\"t\",\"attachments\":[{\"filename\":\"x\",\"content\":\"%%%\"}]}")
            .send().status()).isEqualTo(400);
        assertThat(call("POST", path).json("{\"to\":42,\"subject\":\"s\",\"text\":\"t\"}").send().json().get("error").get("details").get("field").asText())
            .isEqualTo("to");
    }

    @Test
    void webhooksAreListedShownAndDeleted() {
        ApiResponse created = call("POST", "/webhooks").json("{\"url\":\"https://93.184.216.34/hook\",\"events\":[\"email.expired\"]}").send();
        String id = created.json().get("id").asText();

        assertThat(created.json().get("secret").asText()).startsWith("whsec_");
        assertThat(call("GET", "/webhooks/" + id).send().json().has("secret")).isFalse();
        assertThat(call("GET", "/webhooks").send().json().get("data")).anySatisfy(webhook -> assertThat(webhook.get("id").asText()).isEqualTo(id));
        assertThat(call("DELETE", "/webhooks/" + id).send().status()).isEqualTo(200);
        assertThat(call("GET", "/webhooks/" + id).send().status()).isEqualTo(404);
        assertThat(call("POST", "/webhooks").json("{\"url\":\"https://93.184.216.34/hook\",\"events\":[\"email.opened\"]}").send().status()).isEqualTo(400);
        assertThat(call("POST", "/webhooks").json("{\"events\":[\"email.received\"]}").send().status()).isEqualTo(400);
        assertThat(call("POST", "/webhooks").json("{\"url\":\"ftp://example.com/x\"}").send().status()).isEqualTo(400);
    }

    @Test
    void aWebhookChangesOnlyTheFieldsAPatchNamesAndAnswersAsGetDoes() {
        String id = call("POST", "/webhooks").json("{\"url\":\"https://93.184.216.34/first\",\"events\":[\"email.expired\"]}").send()
            .json().get("id").asText();

        ApiResponse moved = call("PATCH", "/webhooks/" + id).json("{\"url\":\"https://93.184.216.34/second\"}").send();

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json()).isEqualTo(call("GET", "/webhooks/" + id).send().json());
        assertThat(moved.json().get("url").asText()).isEqualTo("https://93.184.216.34/second");
        assertThat(moved.json().get("events")).extracting(JsonNode::asText).containsExactly("email.expired");
        assertThat(moved.json().has("secret")).isFalse();
        JsonNode retuned = call("PATCH", "/webhooks/" + id).json("{\"events\":[\"email.received\",\"email.sent\"]}").send().json();
        assertThat(retuned.get("url").asText()).isEqualTo("https://93.184.216.34/second");
        assertThat(retuned.get("events")).extracting(JsonNode::asText).containsExactlyInAnyOrder("email.received", "email.sent");
        JsonNode everything = call("PATCH", "/webhooks/" + id).json("{\"events\":[]}").send().json();
        assertThat(everything.get("events")).extracting(JsonNode::asText)
            .containsExactlyInAnyOrder("email.received", "email.sent", "email.delivered", "email.bounced", "email.expired");
        assertThat(call("PATCH", "/webhooks/" + id).json("{}").send().json()).isEqualTo(everything);
    }

    @Test
    void aPatchedUrlAndSecretAreWhereAndHowTheNextEventIsDelivered() throws Exception {
        String id = call("POST", "/webhooks").json("{\"url\":\"" + receiver.url("/before") + "\",\"events\":[\"email.received\"],"
            + "\"secret\":\"old-secret\"}").send().json().get("id").asText();

        ApiResponse patched = call("PATCH", "/webhooks/" + id)
            .json("{\"url\":\"" + receiver.url("/after") + "\",\"secret\":\"new-secret\"}").send();
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        deliver("After the patch", "From: alice@outside.test\r\nTo: reader@omypost.localhost\r\nSubject: After the patch\r\n\r\nhello\r\n");

        Awaitility.await().atMost(WAIT).until(() -> receiver.received().stream().anyMatch(request -> request.path().equals("/after")));
        WebhookReceiver.ReceivedRequest delivered = receiver.received().stream().filter(request -> request.path().equals("/after"))
            .findFirst().orElseThrow();
        String timestamp = delivered.header("X-OmyPost-Timestamp");
        assertThat(delivered.header("X-OmyPost-Signature")).isEqualTo("sha256=" + hmac("new-secret", timestamp + "." + delivered.bodyAsString()));
        assertThat(JSON.readTree(delivered.body()).get("event").asText()).isEqualTo("email.received");
        assertThat(receiver.received()).noneMatch(request -> request.path().equals("/before"));
        assertThat(call("DELETE", "/webhooks/" + id).send().status()).isEqualTo(200);
    }

    @Test
    void aWebhookPatchIsValidatedAsACreationIsAndChangesNothingWhenRefused() {
        String id = call("POST", "/webhooks").json("{\"url\":\"https://93.184.216.34/kept\",\"events\":[\"email.sent\"]}").send()
            .json().get("id").asText();
        JsonNode before = call("GET", "/webhooks/" + id).send().json();

        Map<String, String> refusals = Map.of(
            "{\"url\":\"ftp://example.com/x\"}", "url",
            "{\"url\":null}", "url",
            "{\"url\":\"\"}", "url",
            "{\"url\":42}", "url",
            "{\"url\":\"https://93.184.216.34/ok\",\"events\":[\"email.opened\"]}", "events",
            "{\"events\":[42]}", "events",
            "{\"secret\":\"" + "s".repeat(257) + "\"}", "secret",
            "{\"secret\":7}", "secret");
        refusals.forEach((body, field) -> {
            ApiResponse refused = call("PATCH", "/webhooks/" + id).json(body).send();
            assertThat(refused.status()).as(body + " " + refused).isEqualTo(400);
            JsonNode error = refused.json().get("error");
            assertThat(error.get("code").asText()).isEqualTo("invalid_parameter");
            assertThat(error.get("message").asText()).isNotBlank();
            assertThat(error.get("details").get("field").asText()).as(body).isEqualTo(field);
            assertThat(error.get("details").get("reason").asText()).isNotBlank();
        });
        ApiResponse notJson = call("PATCH", "/webhooks/" + id).raw("application/json", "{\"url\":".getBytes(StandardCharsets.UTF_8)).send();
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("error").get("code").asText()).isEqualTo("invalid_request");

        assertThat(call("GET", "/webhooks/" + id).send().json()).isEqualTo(before);
    }

    @Test
    void patchingAnUnknownOrAnotherAccountsWebhookIs404AndWithoutWritePermission403() {
        String id = call("POST", "/webhooks").json("{\"url\":\"https://93.184.216.34/mine\"}").send().json().get("id").asText();
        ApiResponse otherKey = postyard.webAdmin().post("/postyard/keys")
            .json("{\"kind\":\"omypost\",\"account\":\"other\",\"permissions\":[\"webhooks:read\",\"webhooks:write\"],\"description\":\"other\"}").send();
        String readOnly = postyard.createKey("omypost", "webhooks:read");
        String change = "{\"url\":\"https://93.184.216.34/taken-over\"}";

        ApiResponse unknown = call("PATCH", "/webhooks/wh_000000000000000000000000").json(change).send();
        ApiResponse others = postyard.api().call("PATCH", "/omypost/v1/webhooks/" + id).bearer(otherKey.json().get("secret").asText())
            .json(change).send();
        ApiResponse denied = postyard.api().call("PATCH", "/omypost/v1/webhooks/" + id).bearer(readOnly).json(change).send();

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").get("code").asText()).isEqualTo("not_found");
        assertThat(others.status()).isEqualTo(404);
        assertThat(others.body()).as("as GET answers it").isEqualTo(postyard.api().get("/omypost/v1/webhooks/" + id)
            .bearer(otherKey.json().get("secret").asText()).send().body());
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("error").get("code").asText()).isEqualTo("insufficient_permissions");
        assertThat(denied.json().get("error").get("details").get("required_permission").asText()).isEqualTo("webhooks:write");
        assertThat(call("GET", "/webhooks/" + id).send().json().get("url").asText()).isEqualTo("https://93.184.216.34/mine");
    }

    private static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
