package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.openmail.OpenmailSettings;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;
import io.postyard.testing.ScriptedSmtpSink;

/**
 * Sending from an inbox (copies, HTML, attachments, suppressions, per-inbox limits, bad requests) checked at the SMTP
 * sink, and how received mail is threaded and listed.
 */
class OpenmailSendingAndThreadsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PER_MINUTE = 8;

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withScriptedSmtpSink()
        .setting(OpenmailSettings.SEND_LIMIT_PER_MINUTE, String.valueOf(PER_MINUTE))
        .build();

    private static OpenmailClient agent;
    private static String inboxId;

    @BeforeAll
    static void createInbox() {
        agent = OpenmailClient.withNewKey(postyard, "default");
        inboxId = agent.createInbox("{\"username\":\"sender\",\"externalId\":\"agent-s\"}").get("id").asText();
    }

    private static void assertError(ApiResponse response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("error").asText()).isEqualTo(code);
    }

    private static ApiResponse send(String json) {
        return agent.send(inboxId, UUID.randomUUID().toString(), json);
    }

    private static MimeMessage awaitArrival(String subject) {
        Awaitility.await().atMost(WAIT).until(() -> OpenmailClient.arrived(postyard.scriptedSink(), subject).size() == 1);
        return OpenmailClient.arrived(postyard.scriptedSink(), subject).get(0);
    }

    @Test
    void copiesHtmlAndAttachmentsLeaveAndTheAttachmentIsReadableFromTheSentCopy() throws Exception {
        byte[] file = "col1,col2\n1,2\n".getBytes();
        JsonNode sent = agent.sent(inboxId, "{\"to\":[\"a@dest.test\",\"b@dest.test\"],\"cc\":\"c@dest.test\",\"bcc\":[\"d@dest.test\"],"
            + "\"subject\":\"Quarterly numbers\",\"body\":\"See attached.\",\"html\":\"<p>See <b>attached</b>.</p>\","
            + "\"attachments\":[{\"filename\":\"Q3 numbers é+1.csv\",\"contentType\":\"text/csv\",\"content\":\"" + Base64.getEncoder().encodeToString(file) + "\"}]}");

        // The shared pipeline gives each recipient a copy of its own (its own unsubscribe link).
        Awaitility.await().atMost(WAIT).until(() -> OpenmailClient.arrived(postyard.scriptedSink(), "Quarterly numbers").size() == 4);
        List<ScriptedSmtpSink.Received> copies = postyard.scriptedSink().received().stream()
            .filter(mail -> mail.data().contains("Quarterly numbers")).toList();
        assertThat(copies.stream().flatMap(copy -> copy.recipients().stream()))
            .containsExactlyInAnyOrder("a@dest.test", "b@dest.test", "c@dest.test", "d@dest.test");
        assertThat(copies).allSatisfy(copy -> {
            MimeMessage arrived = OpenmailClient.parse(copy);
            assertThat(copy.from()).startsWith("bounce+").endsWith("@openmail.localhost");
            assertThat(OpenmailClient.header(arrived, "To")).isEqualTo("a@dest.test, b@dest.test");
            assertThat(OpenmailClient.header(arrived, "Cc")).isEqualTo("c@dest.test");
            assertThat(OpenmailClient.header(arrived, "Bcc")).isNull();
            assertThat(copy.data()).contains("<b>attached</b>");
        });

        JsonNode message = agent.call("GET", "/threads/" + sent.get("threadId").asText() + "/messages").send().json().get("data").get(0);
        assertThat(message.get("toAddr").asText()).isEqualTo("a@dest.test, b@dest.test");
        assertThat(message.get("cc").get(0).asText()).isEqualTo("c@dest.test");
        JsonNode attachment = message.get("attachments").get(0);
        assertThat(attachment.get("filename").asText()).isEqualTo("Q3 numbers é+1.csv");
        assertThat(attachment.get("contentType").asText()).isEqualTo("text/csv");
        assertThat(attachment.get("sizeBytes").asInt()).isEqualTo(file.length);
        HttpResponse<byte[]> download = agent.download(attachment.get("url").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(file);
        ApiResponse sentCopies = postyard.webAdmin().get("/users/sender@openmail.localhost/mailboxes/Sent/messageCount").send();
        assertThat(sentCopies.status()).as("the copy is in the inbox user's Sent mailbox, as IMAP shows it").isEqualTo(200);
        assertThat(Integer.parseInt(sentCopies.body().trim())).isPositive();
    }

    @Test
    void aSuppressedRecipientIs422AndNothingIsSent() {
        ApiResponse bounce = postyard.api().post("/mailgun/v3/openmail.localhost/bounces").basicAuth("api", postyard.primaryKey())
            .form(Map.of("address", "gone@dest.test", "code", "550", "error", "No such user")).send();
        assertThat(bounce.status()).as(bounce.toString()).isEqualTo(200);
        int attemptsBefore = postyard.scriptedSink().attempts().size();

        ApiResponse refused = send("{\"to\":\"ok@dest.test\",\"cc\":\"gone@dest.test\",\"subject\":\"To the gone\",\"body\":\"x\"}");

        assertError(refused, 422, "recipient_suppressed");
        assertThat(refused.json().get("message").asText()).contains("gone@dest.test");
        agent.sent(inboxId, "{\"to\":\"ok@dest.test\",\"subject\":\"After the gone\",\"body\":\"x\"}");
        awaitArrival("After the gone");
        assertThat(postyard.scriptedSink().attempts().subList(attemptsBefore, postyard.scriptedSink().attempts().size()))
            .contains("ok@dest.test").doesNotContain("gone@dest.test");
        assertThat(OpenmailClient.arrived(postyard.scriptedSink(), "To the gone")).isEmpty();
    }

    @Test
    void anInboxSendingTooFastGets429WithRetryAfterWhileAnotherInboxSends() {
        String busy = agent.createInbox("{\"username\":\"busy\"}").get("id").asText();
        for (int i = 0; i < PER_MINUTE; i++) {
            assertThat(agent.send(busy, UUID.randomUUID().toString(), "{\"to\":\"x@dest.test\",\"subject\":\"burst " + i + "\",\"body\":\"b\"}")
                .status()).isEqualTo(200);
        }

        ApiResponse limited = agent.send(busy, UUID.randomUUID().toString(), "{\"to\":\"x@dest.test\",\"subject\":\"one too many\",\"body\":\"b\"}");

        assertError(limited, 429, "rate_limit_exceeded");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        String other = agent.createInbox("{\"username\":\"calm\"}").get("id").asText();
        assertThat(agent.send(other, UUID.randomUUID().toString(), "{\"to\":\"x@dest.test\",\"subject\":\"calm one\",\"body\":\"b\"}").status())
            .isEqualTo(200);
    }

    @Test
    void badSendRequestsAre400AndSendNothing() {
        List<String> bodies = List.of(
            "{\"subject\":\"s\",\"body\":\"b\"}",
            "{\"to\":\"not an address\",\"subject\":\"s\",\"body\":\"b\"}",
            "{\"to\":42,\"subject\":\"s\",\"body\":\"b\"}",
            "{\"to\":\"a@dest.test\",\"body\":\"b\"}",
            "{\"to\":\"a@dest.test\",\"subject\":\"s\"}",
            "{\"to\":\"a@dest.test\",\"subject\":\"s\",\"body\":{\"text\":\"b\"}}",
            "{\"to\":\"a@dest.test\",\"subject\":\"s\\r\\nBcc: evil@evil.test\",\"body\":\"b\"}",
            "{\"to\":\"a@dest.test\\r\\nBcc: evil@evil.test\",\"subject\":\"s\",\"body\":\"b\"}",
            "{\"to\":\"a@dest.test\",\"cc\":[\"fine@dest.test\", 7],\"subject\":\"s\",\"body\":\"b\"}",
            "{\"to\":\"a@dest.test\",\"subject\":\"s\",\"body\":\"b\",\"attachments\":[{\"filename\":\"x\",\"content\":\"%%%\"}]}",
            "{\"to\":\"a@dest.test\",\"subject\":\"s\",\"body\":\"b\",\"attachments\":{\"filename\":\"x\"}}",
            "{\"to\":\"a@dest.test\",\"subject\":\"s\",\"body\":\"b\",\"threadId\":5}");
        for (String body : bodies) {
            assertError(send(body), 400, "validation_error");
        }
        assertError(send("{\"to\":"), 400, "invalid_request");
        assertThat(postyard.scriptedSink().attempts()).doesNotContain("evil@evil.test");
    }

    @Test
    void aReplyJoinsItsThreadByReferencesAndOtherMailStartsOne() throws Exception {
        JsonNode sent = agent.sent(inboxId, "{\"to\":\"partner@dest.test\",\"subject\":\"Contract\",\"body\":\"Draft attached soon.\"}");
        String threadId = sent.get("threadId").asText();
        String rfcId = "<" + sent.get("providerMessageId").asText() + ">";
        awaitArrival("Contract");

        OpenmailClient.deliver(postyard, "partner@dest.test", "sender@openmail.localhost", "From: partner@dest.test\r\n"
            + "To: sender@openmail.localhost\r\nCc: Lawyer <lawyer@dest.test>\r\nSubject: Re: Contract\r\nMessage-ID: <p-1@dest.test>\r\n"
            + "References: <older@dest.test> " + rfcId + "\r\n\r\nOnly References, no In-Reply-To.\r\n");
        OpenmailClient.deliver(postyard, "news@dest.test", "sender@openmail.localhost", "From: news@dest.test\r\n"
            + "To: sender@openmail.localhost\r\nSubject: Newsletter\r\nMessage-ID: <n-1@dest.test>\r\n\r\nNothing to do with it.\r\n");
        Awaitility.await().atMost(WAIT).until(() -> agent.call("GET", "/inboxes/" + inboxId + "/messages?direction=inbound&limit=100")
            .send().json().get("total").asInt() >= 2);

        JsonNode thread = agent.call("GET", "/threads/" + threadId + "/messages").send().json();
        assertThat(thread.get("data")).extracting(message -> message.get("subject").asText()).containsExactly("Contract", "Re: Contract");
        JsonNode reply = thread.get("data").get(1);
        assertThat(reply.get("direction").asText()).isEqualTo("inbound");
        assertThat(reply.get("cc").get(0).asText()).isEqualTo("lawyer@dest.test");
        assertThat(reply.get("rfcMessageId").asText()).isEqualTo("<p-1@dest.test>");

        JsonNode inbound = agent.call("GET", "/inboxes/" + inboxId + "/messages?direction=inbound").send().json();
        assertThat(inbound.get("data")).allSatisfy(message -> assertThat(message.get("direction").asText()).isEqualTo("inbound"));
        String newsThread = nodes(inbound.get("data")).filter(message -> message.get("subject").asText().equals("Newsletter"))
            .findFirst().orElseThrow().get("threadId").asText();
        assertThat(newsThread).isNotEqualTo(threadId);
        assertThat(agent.call("GET", "/inboxes/" + inboxId + "/messages?direction=sideways").send().status()).isEqualTo(400);

        JsonNode threads = agent.call("GET", "/inboxes/" + inboxId + "/threads?limit=100").send().json();
        JsonNode contract = nodes(threads.get("data")).filter(candidate -> candidate.get("id").asText().equals(threadId))
            .findFirst().orElseThrow();
        assertThat(contract.get("subject").asText()).isEqualTo("Contract");
        assertThat(contract.get("messageCount").asInt()).isEqualTo(2);
        assertThat(contract.get("isRead").asBoolean()).as("new mail makes a thread unread").isFalse();
        ApiResponse read = agent.call("PATCH", "/threads/" + threadId).json("{\"isRead\":true}").send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("isRead").asBoolean()).isTrue();
        assertThat(agent.call("GET", "/threads/" + threadId).send().json().get("isRead").asBoolean()).isTrue();
        assertError(agent.call("PATCH", "/threads/" + threadId).json("{\"isRead\":\"yes\"}").send(), 400, "validation_error");
        assertError(OpenmailClient.withNewKey(postyard, "outsider").call("GET", "/threads/" + threadId + "/messages").send(), 404, "not_found");

        JsonNode answer = agent.sent(inboxId, "{\"to\":\"partner@dest.test\",\"body\":\"Thanks.\",\"threadId\":\"" + threadId + "\"}");
        MimeMessage answered = awaitArrival("Re: Contract");
        assertThat(answer.get("threadId").asText()).isEqualTo(threadId);
        assertThat(OpenmailClient.header(answered, "In-Reply-To")).isEqualTo("<p-1@dest.test>");
        assertThat(OpenmailClient.header(answered, "References")).isEqualTo("<older@dest.test> " + rfcId + " <p-1@dest.test>");
        String otherInbox = agent.createInbox("{}").get("id").asText();
        assertError(agent.send(otherInbox, UUID.randomUUID().toString(),
            "{\"to\":\"partner@dest.test\",\"body\":\"x\",\"threadId\":\"" + threadId + "\"}"), 404, "not_found");
    }

    private static Stream<JsonNode> nodes(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
