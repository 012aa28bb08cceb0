package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardProcess;
import io.postyard.testing.ScriptedSmtpSink;
import io.postyard.testing.WebhookReceiver;

/**
 * Two Postyard processes on one Cassandra keyspace, as two nodes of a deployment: what one node accepts or records,
 * the other serves; a webhook delivery a killed node left unfinished is delivered by the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250));
    private static final CassandraProfileStorage STORAGE = new CassandraProfileStorage("nodes");
    private static final String PRIMARY = io.postyard.testing.PostyardExtension.PRIMARY_KEY;

    private static ScriptedSmtpSink sink;
    private static WebhookReceiver receiver;
    private static PostyardProcess nodeA;
    private static PostyardProcess nodeB;

    @BeforeAll
    static void startNodes() throws Exception {
        sink = new ScriptedSmtpSink();
        receiver = new WebhookReceiver();
        Map<Setting, String> shared = new HashMap<>();
        shared.putAll(STORAGE.settings());
        shared.put(Setting.TESTING_TRUST_ALL_DOMAINS, "true");
        shared.put(Setting.SMTP_GATEWAY, sink.gateway());
        shared.put(Setting.WEBHOOK_ALLOW_PRIVATE, "true");
        shared.put(Setting.WEBHOOK_SCHEDULE_SCALE, "0.002");
        shared.put(Setting.WEBHOOK_NODE_LEASE, "6s");
        shared.put(Setting.TRACKING_SECRET, "tracking-secret-shared-by-the-nodes-0123456789");
        nodeA = PostyardProcess.node(shared).start();
        nodeB = PostyardProcess.node(shared).start();
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {nodeA, nodeB, sink, receiver}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        STORAGE.drop();
    }

    private static ApiResponse createDomain(PostyardProcess node, String domain) {
        return node.api().post("/mailgun/v3/domains").basicAuth("api", PRIMARY).form(Map.of("name", domain)).send();
    }

    @Test
    @Order(1)
    void mailAcceptedOverSmtpOnOneNodeIsReadOverImapOnTheOther() throws Exception {
        assertThat(createDomain(nodeA, "shared.test").status()).isEqualTo(200);
        assertThat(nodeA.api().post("/mailgun/v3/domains/shared.test/credentials").basicAuth("api", PRIMARY)
            .form(Map.of("login", "nina", "password", "nina-secret-1")).send().status()).isEqualTo(200);

        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, nodeA.port(Setting.SMTP_PORT), "outside.test")) {
            smtp.sendMessageWithHeaders("someone@outside.test", "nina@shared.test",
                "From: someone@outside.test\r\nTo: nina@shared.test\r\nSubject: accepted on A\r\n\r\nbody\r\n");
        }

        // Each attempt is a new IMAP session: mailbox events stay on the node that made them (James's in-VM event bus),
        // so a session on B that selected the mailbox before A stored the mail would not be told of it.
        AWAIT.ignoreExceptions().until(() -> {
            try (TestIMAPClient imap = new TestIMAPClient()) {
                return imap.connect(LOCALHOST, nodeB.port(Setting.IMAP_PORT)).login("nina@shared.test", "nina-secret-1")
                    .select(TestIMAPClient.INBOX).hasAMessage();
            }
        });
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, nodeB.port(Setting.IMAP_PORT)).login("nina@shared.test", "nina-secret-1").select(TestIMAPClient.INBOX);
            assertThat(imap.readFirstMessage()).contains("Subject: accepted on A");
        }
    }

    @Test
    @Order(2)
    void aSuppressionAddedOnOneNodeIsEnforcedOnASendThroughTheOther() {
        assertThat(createDomain(nodeB, "suppress.test").status()).isEqualTo(200);
        assertThat(nodeB.api().post("/mailgun/v3/suppress.test/bounces").basicAuth("api", PRIMARY)
            .form(Map.of("address", "bounced@remote.test", "code", "550", "error", "no such user")).send().status()).isEqualTo(200);

        ApiResponse sent = nodeA.api().post("/mailgun/v3/suppress.test/messages").basicAuth("api", PRIMARY)
            .form(Map.of("from", "app@suppress.test", "to", "bounced@remote.test", "subject", "suppressed", "text", "hello")).send();
        assertThat(sent.status()).isEqualTo(200);

        AWAIT.untilAsserted(() -> {
            JsonNode failed = nodeB.api().get("/mailgun/v3/suppress.test/events?event=failed").basicAuth("api", PRIMARY).send().json();
            assertThat(failed.get("items")).anySatisfy(event -> {
                assertThat(event.get("recipient").asText()).isEqualTo("bounced@remote.test");
                assertThat(event.path("reason").asText()).isEqualTo("suppress-bounce");
            });
        });
        assertThat(sink.attempts()).doesNotContain("bounced@remote.test");
    }

    @Test
    @Order(3)
    void aWebhookDeliveryLeftPendingByAKilledNodeIsDeliveredByTheOther() {
        assertThat(createDomain(nodeA, "hooks.test").status()).isEqualTo(200);
        assertThat(nodeA.api().post("/mailgun/v3/domains/hooks.test/webhooks").basicAuth("api", PRIMARY)
            .form(Map.of("id", "accepted", "url", receiver.url("/hooks/accepted"))).send().status()).isEqualTo(200);
        // The receiver is down for A's attempts: A keeps the delivery, retrying, until it dies.
        receiver.respondAt("/hooks/accepted", 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503);
        ApiResponse sent = nodeA.api().post("/mailgun/v3/hooks.test/messages").basicAuth("api", PRIMARY)
            .form(Map.of("from", "app@hooks.test", "to", "someone@remote.test", "subject", "hooked", "text", "hello")).send();
        assertThat(sent.status()).isEqualTo(200);
        String messageId = sent.json().get("id").asText();
        AWAIT.until(() -> !receiver.received().isEmpty());

        nodeA.kill();
        receiver.clear();

        List<WebhookReceiver.ReceivedRequest> delivered = receiver.awaitRequests(1, Duration.ofSeconds(90));
        assertThat(delivered.get(0).bodyAsString()).contains(messageId.replace("<", "").replace(">", ""));
    }
}
