package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.testing.PostyardExtension;

/** James on the cassandra profile, on the real Cassandra the test command starts: mail outlives the server. */
class CassandraProfileTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200));
    private static final CassandraProfileStorage STORAGE = new CassandraProfileStorage("it");

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .settings(STORAGE.settings())
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .setting(Setting.SMTP_RETRY_DELAYS, "30*1s")
        .withScriptedSmtpSink()
        .build();

    @AfterAll
    static void dropStorage() {
        STORAGE.drop();
    }

    @Test
    void mailQueuedForRetryIsStillQueuedAfterARestartAndDeliveredOnce() throws Exception {
        postyard.scriptedSink().onRcpt("far@remote.test", "451 4.3.0 try later", "451 4.3.0 try later", "451 4.3.0 try later",
            "451 4.3.0 try later", "451 4.3.0 try later", "451 4.3.0 try later", "250 2.1.5 OK");
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", "queued.test")).send();
        assertThat(postyard.api().post("/mailgun/v3/queued.test/messages").basicAuth("api", postyard.primaryKey())
            .form(Map.of("from", "app@queued.test", "to", "far@remote.test", "subject", "survives a restart", "text", "hello"))
            .send().status()).isEqualTo(200);
        AWAIT.until(() -> !postyard.scriptedSink().attempts().isEmpty());

        postyard.server().stop();
        assertThat(postyard.scriptedSink().received()).isEmpty();
        postyard.server().start();

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !postyard.scriptedSink().received().isEmpty());
        Thread.sleep(2000);
        assertThat(postyard.scriptedSink().received()).singleElement()
            .satisfies(received -> assertThat(received.data()).contains("Subject: survives a restart"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(events("queued.test", "delivered")).hasSize(1));
        assertThat(events("queued.test", "failed")).noneMatch(event -> event.path("severity").asText().equals("permanent"));
    }

    private static List<JsonNode> events(String domain, String type) {
        List<JsonNode> items = new ArrayList<>();
        postyard.api().get("/mailgun/v3/" + domain + "/events?event=" + type).basicAuth("api", postyard.primaryKey()).send()
            .json().get("items").forEach(items::add);
        return items;
    }

    @Test
    void mailAcceptedOverSmtpIsReadOverImapAndSurvivesARestart() throws Exception {
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", "durable.test")).send();
        assertThat(postyard.api().post("/mailgun/v3/domains/durable.test/credentials").basicAuth("api", postyard.primaryKey())
            .form(Map.of("login", "dora", "password", "dora-secret-1")).send().status()).isEqualTo(200);
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            smtp.sendMessageWithHeaders("someone@outside.test", "dora@durable.test",
                "From: someone@outside.test\r\nTo: dora@durable.test\r\nSubject: kept in cassandra\r\n\r\nbody\r\n");
        }
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort()).login("dora@durable.test", "dora-secret-1").select(TestIMAPClient.INBOX).awaitMessage(AWAIT);
        }

        postyard.server().stop();
        postyard.server().start();

        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort()).login("dora@durable.test", "dora-secret-1").select(TestIMAPClient.INBOX).awaitMessage(AWAIT);
            assertThat(imap.readFirstMessage()).contains("Subject: kept in cassandra");
        }
        assertThat(postyard.api().get("/mailgun/v3/domains/durable.test/credentials").basicAuth("api", postyard.primaryKey()).send()
            .json().get("items").get(0).get("login").asText()).isEqualTo("dora@durable.test");
    }

    @Test
    void postyardDataOutlivesTheServer() throws Exception {
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", "remembered.test")).send();
        postyard.api().post("/mailgun/v3/remembered.test/unsubscribes").basicAuth("api", postyard.primaryKey())
            .form(Map.of("address", "quiet@remote.test", "tag", "*")).send();
        String key = postyard.createKey("tempmail");
        String address = postyard.api().post("/tempmail/v1/emails").header("X-API-Key", key).send().json().get("email").asText();

        postyard.server().stop();
        postyard.server().start();

        assertThat(postyard.api().get("/mailgun/v3/remembered.test/unsubscribes/quiet@remote.test").basicAuth("api", postyard.primaryKey())
            .send().status()).isEqualTo(200);
        assertThat(postyard.api().get("/tempmail/v1/emails/" + address + "/messages").header("X-API-Key", key).send().status())
            .isEqualTo(200);
    }
}
