package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static io.postyard.testing.PostyardExtension.PRIMARY_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

import io.postyard.core.settings.Setting;
import io.postyard.server.backup.Restore;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.FreePorts;
import io.postyard.testing.PostyardProcess;
import io.postyard.testing.ScriptedSmtpSink;

/**
 * {@code ./postyard backup} and {@code restore} on the embedded profile: a backup taken from a running node, restored
 * after the node and its data are gone, gives back the mailboxes, the logins, the provider records and the mail still
 * queued, and nothing written after it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedBackupTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250));

    private static int gatewayPort;
    private static PostyardProcess node;
    private static Map<Setting, String> settings;

    @BeforeAll
    static void startNode() {
        gatewayPort = FreePorts.belowEphemeralRange();
        settings = Map.of(
            Setting.STORAGE_PROFILE, "embedded",
            Setting.TESTING_TRUST_ALL_DOMAINS, "true",
            Setting.SMTP_GATEWAY, LOCALHOST + ":" + gatewayPort,
            Setting.SMTP_RETRY_DELAYS, "100*2s");
        node = PostyardProcess.node(settings).start();
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    /** Last: it kills the node. */
    @Test
    @Order(2)
    void aRestoredBackupHoldsWhatTheNodeHadWhenItWasTaken() throws Exception {
        mailgun(node, "/mailgun/v3/domains", Map.of("name", "saved.test"));
        mailgun(node, "/mailgun/v3/domains/saved.test/credentials", Map.of("login", "sam", "password", "sam-secret-1"));
        deliver(node, "sam@saved.test", "before the backup");
        awaitSubjects(node, "before the backup");
        mailgun(node, "/mailgun/v3/saved.test/messages",
            Map.of("from", "app@saved.test", "to", "far@remote.test", "subject", "queued at backup time", "text", "hello"));
        Path backup = Files.createTempDirectory("postyard-backup");

        ApiResponse made = node.webAdmin().post("/postyard/backups?directory=" + backup).send();
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.json().get("database").asText()).isEqualTo("included");
        assertThat(made.json().get("queueFiles").asInt()).isPositive();
        mailgun(node, "/mailgun/v3/domains", Map.of("name", "later.test"));
        node.kill();

        Path restored = Files.createTempDirectory("postyard-restored").resolve("data");
        Restore.restore(backup, restored);
        try (PostyardProcess again = PostyardProcess.node(settings, restored).start();
             ScriptedSmtpSink gateway = new ScriptedSmtpSink(gatewayPort)) {
            awaitSubjects(again, "before the backup");
            assertThat(again.api().get("/mailgun/v3/domains/later.test").basicAuth("api", PRIMARY_KEY).send().status()).isEqualTo(404);
            assertThat(gateway.awaitReceived(1, Duration.ofSeconds(60))).singleElement()
                .satisfies(received -> assertThat(received.data()).contains("Subject: queued at backup time"));
        }
    }

    @Test
    @Order(1)
    void aBackupGoesOnlyIntoANewOrEmptyAbsoluteDirectory() throws Exception {
        Path used = Files.createTempDirectory("postyard-backup-used");
        Files.writeString(used.resolve("something"), "already here");

        assertThat(node.webAdmin().post("/postyard/backups?directory=" + used).send().status()).isEqualTo(400);
        assertThat(node.webAdmin().post("/postyard/backups?directory=relative/path").send().status()).isEqualTo(400);
        assertThat(node.webAdmin().post("/postyard/backups").send().status()).isEqualTo(400);
    }

    private static void mailgun(PostyardProcess target, String path, Map<String, String> form) {
        ApiResponse response = target.api().post(path).basicAuth("api", PRIMARY_KEY).form(form).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static void deliver(PostyardProcess target, String to, String subject) throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, target.port(Setting.SMTP_PORT), "outside.test")) {
            smtp.sendMessageWithHeaders("someone@outside.test", to, "From: someone@outside.test\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\n\r\nbody\r\n");
        }
    }

    private static void awaitSubjects(PostyardProcess target, String subject) {
        AWAIT.untilAsserted(() -> {
            try (TestIMAPClient imap = new TestIMAPClient()) {
                imap.connect(LOCALHOST, target.port(Setting.IMAP_PORT)).login("sam@saved.test", "sam-secret-1").select(TestIMAPClient.INBOX);
                assertThat(imap.readFirstMessage()).contains("Subject: " + subject);
            }
        });
    }
}
