package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;
import io.postyard.testing.WebhookReceiver;

/**
 * The openmail quick start, its five steps in one conversation through the real protocols: an inbox is created over
 * HTTP, its mail leaves over SMTP to a sink standing for the airline, the airline's reply comes in over SMTP and is
 * announced by a signed webhook to a real HTTP receiver, the agent replies in the thread, and reads the thread back.
 */
class OpenmailAgentConversationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AIRLINE = "support@airline.test";

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withScriptedSmtpSink()
        .setting(Setting.WEBHOOK_ALLOW_PRIVATE, "true")
        .build();

    private static WebhookReceiver receiver;
    private static OpenmailClient agent;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver();
        agent = OpenmailClient.withNewKey(postyard, "default");
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Test
    void anAgentCreatesAnInboxSendsGetsTheReplyByWebhookRepliesInTheThreadAndReadsItBack() throws Exception {
        assertThat(agent.key()).startsWith("om_live_");
        ApiResponse webhook = agent.call("PUT", "/webhook").json("{\"url\":\"" + receiver.url("/agent-hook") + "\"}").send();
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(200);
        assertThat(webhook.json().get("url").asText()).isEqualTo(receiver.url("/agent-hook"));
        String secret = webhook.json().get("secret").asText();

        // 1. Create an inbox.
        JsonNode inbox = agent.createInbox("{\"externalId\":\"agent-123\",\"username\":\"jane\"}");
        String inboxId = inbox.get("id").asText();
        assertThat(inboxId).matches("inb_[0-9a-f]{24}");
        assertThat(inbox.get("address").asText()).isEqualTo("jane@openmail.localhost");
        assertThat(inbox.get("externalId").asText()).isEqualTo("agent-123");
        assertThat(inbox.get("createdAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

        // 2. Send an email to the outside.
        JsonNode first = agent.sent(inboxId, "{\"to\":\"" + AIRLINE + "\",\"subject\":\"Refund request #4421\","
            + "\"body\":\"Hi, I would like to request a refund for flight AA1234.\"}");
        assertThat(first.get("messageId").asText()).startsWith("msg_");
        assertThat(first.get("threadId").asText()).startsWith("thr_");
        assertThat(first.get("status").asText()).isEqualTo("sent");
        String threadId = first.get("threadId").asText();
        String firstRfcId = "<" + first.get("providerMessageId").asText() + ">";
        Awaitility.await().atMost(WAIT).until(() -> !OpenmailClient.arrived(postyard.scriptedSink(), "Refund request #4421").isEmpty());
        MimeMessage request = OpenmailClient.arrived(postyard.scriptedSink(), "Refund request #4421").get(0);
        assertThat(OpenmailClient.header(request, "From")).isEqualTo("jane@openmail.localhost");
        assertThat(OpenmailClient.header(request, "To")).isEqualTo(AIRLINE);
        assertThat(OpenmailClient.header(request, "Message-ID")).isEqualTo(firstRfcId);
        assertThat(OpenmailClient.header(request, "DKIM-Signature")).contains("d=openmail.localhost");
        assertThat(OpenmailClient.header(request, "In-Reply-To")).isNull();
        assertThat(postyard.scriptedSink().received().stream().filter(mail -> mail.data().contains(firstRfcId)).findFirst().orElseThrow()
            .recipients()).containsExactly(AIRLINE);

        // 3. The airline replies over SMTP; the agent's webhook gets a signed message.received.
        byte[] receipt = "%PDF-1.4 refund receipt \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        OpenmailClient.deliver(postyard, AIRLINE, "jane@openmail.localhost", "From: Airline Support <" + AIRLINE + ">\r\n"
            + "To: jane@openmail.localhost\r\nSubject: Re: Refund request #4421\r\nMessage-ID: <reply-1@airline.test>\r\n"
            + "In-Reply-To: " + firstRfcId + "\r\nReferences: " + firstRfcId + "\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHello, we've processed your refund of $342.00.\r\n"
            + "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"receipt.pdf\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(receipt) + "\r\n--b--\r\n");
        List<WebhookReceiver.ReceivedRequest> hooks = receiver.awaitRequests(1, WAIT);
        WebhookReceiver.ReceivedRequest hook = hooks.get(0);
        assertThat(hook.path()).isEqualTo("/agent-hook");
        JsonNode event = OpenmailClient.verifiedPayload(hook, secret);
        assertThat(event.get("event").asText()).isEqualTo("message.received");
        assertThat(event.get("attempt").asInt()).isEqualTo(1);
        assertThat(event.get("inbox_id").asText()).isEqualTo(inboxId);
        assertThat(event.get("external_id").asText()).isEqualTo("agent-123");
        assertThat(event.get("thread_id").asText()).isEqualTo(threadId);
        assertThat(Instant.parse(event.get("delivered_at").asText())).isAfterOrEqualTo(Instant.parse(event.get("occurred_at").asText()));
        JsonNode received = event.get("message");
        assertThat(received.get("id").asText()).startsWith("msg_");
        assertThat(received.get("rfc_message_id").asText()).isEqualTo("<reply-1@airline.test>");
        assertThat(received.get("from").asText()).isEqualTo(AIRLINE);
        assertThat(received.get("to").asText()).isEqualTo("jane@openmail.localhost");
        assertThat(received.get("cc")).isEmpty();
        assertThat(received.get("subject").asText()).isEqualTo("Re: Refund request #4421");
        assertThat(received.get("body_text").asText()).contains("we've processed your refund of $342.00.");
        assertThat(received.get("received_at").asText()).isEqualTo(event.get("occurred_at").asText());
        JsonNode attachment = received.get("attachments").get(0);
        assertThat(attachment.get("filename").asText()).isEqualTo("receipt.pdf");
        assertThat(attachment.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(attachment.get("sizeBytes").asInt()).isEqualTo(receipt.length);
        HttpResponse<byte[]> download = agent.download(attachment.get("url").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(receipt);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));

        // 4. Reply in the thread: the airline's client threads it by In-Reply-To and References.
        JsonNode reply = agent.sent(inboxId, "{\"to\":\"" + AIRLINE + "\",\"subject\":\"Re: Refund request #4421\","
            + "\"body\":\"Thank you! Can you confirm when the refund will appear?\",\"threadId\":\"" + threadId + "\"}");
        assertThat(reply.get("threadId").asText()).isEqualTo(threadId);
        Awaitility.await().atMost(WAIT).until(() -> OpenmailClient.arrived(postyard.scriptedSink(), "Re: Refund request #4421").size() == 1);
        MimeMessage answer = OpenmailClient.arrived(postyard.scriptedSink(), "Re: Refund request #4421").get(0);
        assertThat(OpenmailClient.header(answer, "In-Reply-To")).isEqualTo("<reply-1@airline.test>");
        assertThat(OpenmailClient.header(answer, "References")).isEqualTo(firstRfcId + " <reply-1@airline.test>");
        assertThat(OpenmailClient.header(answer, "Message-ID")).isEqualTo("<" + reply.get("providerMessageId").asText() + ">");

        // 5. Read the conversation: three messages, oldest first.
        JsonNode thread = agent.call("GET", "/threads/" + threadId + "/messages").send().json();
        assertThat(thread.get("threadId").asText()).isEqualTo(threadId);
        assertThat(thread.get("subject").asText()).isEqualTo("Refund request #4421");
        JsonNode data = thread.get("data");
        assertThat(data).hasSize(3);
        assertMessage(data.get(0), first.get("messageId").asText(), "outbound", "jane@openmail.localhost", AIRLINE,
            "Refund request #4421", "Hi, I would like to request a refund for flight AA1234.", "sent");
        assertMessage(data.get(1), received.get("id").asText(), "inbound", AIRLINE, "jane@openmail.localhost",
            "Re: Refund request #4421", "Hello, we've processed your refund of $342.00.", "received");
        assertMessage(data.get(2), reply.get("messageId").asText(), "outbound", "jane@openmail.localhost", AIRLINE,
            "Re: Refund request #4421", "Thank you! Can you confirm when the refund will appear?", "sent");
        Instant previous = Instant.EPOCH;
        for (JsonNode message : data) {
            Instant createdAt = Instant.parse(message.get("createdAt").asText());
            assertThat(createdAt).isAfterOrEqualTo(previous);
            previous = createdAt;
        }
    }

    private static void assertMessage(JsonNode message, String id, String direction, String from, String to, String subject, String body,
                                      String status) {
        assertThat(message.get("id").asText()).isEqualTo(id);
        assertThat(message.get("direction").asText()).isEqualTo(direction);
        assertThat(message.get("fromAddr").asText()).isEqualTo(from);
        assertThat(message.get("toAddr").asText()).isEqualTo(to);
        assertThat(message.get("subject").asText()).isEqualTo(subject);
        assertThat(message.get("bodyText").asText()).isEqualTo(body);
        assertThat(message.get("status").asText()).isEqualTo(status);
        assertThat(message.get("createdAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    }
}
