package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static io.postyard.testing.PostyardExtension.PRIMARY_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.apache.commons.net.smtp.SMTPClient;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.opensrs.OmaSettings;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.FreePorts;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardProcess;
import io.postyard.testing.ScriptedSmtpSink;

/**
 * The default profile as a new user meets it: a node on a fresh data directory, with no engine beside it, is given a
 * domain, a credential, a suppression, a webhook, keys and accounts of every provider and mail over SMTP; a send waits
 * in the queue while the outbound gateway is down; the node is killed with SIGKILL. Started again, it has all of it,
 * IMAP reads the mail, and the queued send is delivered once the gateway is back.
 */
class EmbeddedProfileTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250));
    private static final String OMA_ADMIN = "panel@reseller.example";
    private static final String OMA_ADMIN_PASSWORD = "company-admin-secret-1";

    private static int gatewayPort;
    private static PostyardProcess node;

    @BeforeAll
    static void startNode() {
        gatewayPort = FreePorts.belowEphemeralRange();
        node = PostyardProcess.node(Map.of(
            Setting.STORAGE_PROFILE, "embedded",
            Setting.TESTING_TRUST_ALL_DOMAINS, "true",
            Setting.SMTP_GATEWAY, LOCALHOST + ":" + gatewayPort,
            Setting.SMTP_RETRY_DELAYS, "100*2s",
            OmaSettings.ADMIN_USER, OMA_ADMIN,
            OmaSettings.ADMIN_PASSWORD, OMA_ADMIN_PASSWORD)).start();
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void everythingAcceptedOutlivesAKillAndTheQueuedSendIsDeliveredOnceTheGatewayIsBack() throws Exception {
        HttpApi api = node.api();
        assertThat(mailgun(api.post("/mailgun/v3/domains")).form(Map.of("name", "kept.test")).send().status()).isEqualTo(200);
        assertThat(mailgun(api.post("/mailgun/v3/domains/kept.test/credentials"))
            .form(Map.of("login", "dora", "password", "dora-secret-1")).send().status()).isEqualTo(200);
        assertThat(mailgun(api.post("/mailgun/v3/kept.test/unsubscribes")).form(Map.of("address", "quiet@remote.test", "tag", "*"))
            .send().status()).isEqualTo(200);
        assertThat(mailgun(api.post("/mailgun/v3/domains/kept.test/webhooks"))
            .form(Map.of("id", "delivered", "url", "https://hooks.example.com/postyard")).send().status()).isEqualTo(200);
        String omypostKey = key("omypost", "emails:read", "emails:write");
        assertThat(api.post("/omypost/v1/emails").bearer(omypostKey).json("{\"prefix\":\"kept\"}").send().status()).isEqualTo(201);
        String tempmailKey = key("tempmail");
        String temporaryAddress = api.post("/tempmail/v1/emails").header("X-API-Key", tempmailKey).send().json().get("email").asText();
        String openmailKey = key("openmail");
        ApiResponse inbox = api.post("/openmail/v1/inboxes").bearer(openmailKey).json("{\"username\":\"agent\"}").send();
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(201);
        oma("change_domain", "{\"domain\":\"oma.test\",\"create_only\":true,\"attributes\":{}}");
        oma("change_user", "{\"user\":\"olga@oma.test\",\"create_only\":true,\"attributes\":{\"password\":\"Winter-Garden-42\"}}");
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, node.port(Setting.SMTP_PORT), "outside.test")) {
            smtp.sendMessageWithHeaders("someone@outside.test", "dora@kept.test",
                "From: someone@outside.test\r\nTo: dora@kept.test\r\nSubject: kept on disk\r\n\r\nbody\r\n");
        }
        awaitFirstMessage("dora@kept.test", "dora-secret-1", "kept on disk");
        assertThat(mailgun(api.post("/mailgun/v3/kept.test/messages"))
            .form(Map.of("from", "app@kept.test", "to", "far@remote.test", "subject", "waited in the queue", "text", "hello"))
            .send().status()).isEqualTo(200);
        Thread.sleep(3000);

        node.kill();
        node.start();

        try (ScriptedSmtpSink gateway = new ScriptedSmtpSink(gatewayPort)) {
            assertThat(gateway.awaitReceived(1, Duration.ofSeconds(60))).singleElement()
                .satisfies(received -> assertThat(received.data()).contains("Subject: waited in the queue"));
            awaitFirstMessage("dora@kept.test", "dora-secret-1", "kept on disk");
            assertThat(mailgun(api.get("/mailgun/v3/domains/kept.test/credentials")).send().json().get("items").get(0).get("login").asText())
                .isEqualTo("dora@kept.test");
            assertThat(mailgun(api.get("/mailgun/v3/kept.test/unsubscribes/quiet@remote.test")).send().status()).isEqualTo(200);
            assertThat(mailgun(api.get("/mailgun/v3/domains/kept.test/webhooks/delivered")).send().status()).isEqualTo(200);
            assertThat(api.get("/omypost/v1/emails").bearer(omypostKey).send().body()).contains("kept@");
            assertThat(api.get("/tempmail/v1/emails/" + temporaryAddress + "/messages").header("X-API-Key", tempmailKey).send().status())
                .isEqualTo(200);
            assertThat(api.get("/openmail/v1/inboxes").bearer(openmailKey).send().body()).contains(inbox.json().get("id").asText());
            assertThat(oma("get_user", "{\"user\":\"olga@oma.test\"}").path("success").asBoolean()).isTrue();
            Thread.sleep(3000);
            assertThat(gateway.received()).hasSize(1);
        }
        try (var entries = Files.list(node.dataDir())) {
            assertThat(entries.map(path -> path.getFileName().toString())).contains("postyard-db");
        }
        assertThat(Files.isDirectory(node.dataDir().resolve("var/store/activemq"))).isTrue();
    }

    /**
     * The embedded profile answers mail routing's questions (is this domain ours, does this user exist, where does this
     * address go) from memory: what is removed through an API or WebAdmin stops receiving mail at once all the same.
     */
    @Test
    void whatIsRemovedStopsReceivingMailAtOnce() throws Exception {
        HttpApi api = node.api();
        assertThat(mailgun(api.post("/mailgun/v3/domains")).form(Map.of("name", "gone.test")).send().status()).isEqualTo(200);
        assertThat(mailgun(api.post("/mailgun/v3/domains/gone.test/credentials"))
            .form(Map.of("login", "gina", "password", "gina-secret-1")).send().status()).isEqualTo(200);
        assertThat(mailgun(api.post("/mailgun/v3/domains/gone.test/credentials"))
            .form(Map.of("login", "gus", "password", "gus-secret-1")).send().status()).isEqualTo(200);
        assertThat(node.webAdmin().put("/address/aliases/gina@gone.test/sources/alias@gone.test").send().status()).isEqualTo(204);
        assertThat(acceptsRecipients("gina@gone.test", "gus@gone.test", "alias@gone.test")).isTrue();
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, node.port(Setting.SMTP_PORT), "outside.test")) {
            smtp.sendMessageWithHeaders("someone@outside.test", "alias@gone.test",
                "From: someone@outside.test\r\nTo: alias@gone.test\r\nSubject: through the alias\r\n\r\nbody\r\n");
        }
        awaitFirstMessage("gina@gone.test", "gina-secret-1", "through the alias");

        assertThat(node.webAdmin().delete("/address/aliases/gina@gone.test/sources/alias@gone.test").send().status()).isEqualTo(204);
        assertThat(mailgun(api.delete("/mailgun/v3/domains/gone.test/credentials/gus")).send().status()).isEqualTo(200);

        assertThat(acceptsRecipients("alias@gone.test")).as("the alias removed").isFalse();
        assertThat(acceptsRecipients("gus@gone.test")).as("the login deleted").isFalse();
        assertThat(acceptsRecipients("gina@gone.test")).isTrue();

        assertThat(mailgun(api.delete("/mailgun/v3/domains/gone.test")).send().status()).isEqualTo(200);

        assertThat(acceptsRecipients("gina@gone.test")).as("the domain deleted").isFalse();
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        ApiResponse created = node.webAdmin().post("/postyard/keys")
            .json("{\"kind\":\"omypost\",\"description\":\"short-lived\",\"permissions\":[\"emails:read\"]}").send();
        String secret = created.json().get("secret").asText();
        assertThat(node.api().get("/omypost/v1/emails").bearer(secret).send().status()).isEqualTo(200);

        assertThat(node.webAdmin().delete("/postyard/keys/" + created.json().get("id").asText()).send().status()).isIn(200, 204);

        assertThat(node.api().get("/omypost/v1/emails").bearer(secret).send().status()).isEqualTo(401);
    }

    @Test
    void aSecondNodeOnTheSameDataDirectoryStopsWithOneSentence() throws Exception {
        PostyardProcess second = PostyardProcess.node(Map.of(Setting.STORAGE_PROFILE, "embedded"), node.dataDir());

        assertThatThrownBy(second::start).hasStackTraceContaining("exited during start-up");
        assertThat(Files.readString(second.log())).contains("Postyard did not start. The database jdbc:h2:file:"
            + node.dataDir().resolve("postyard-db").resolve("postyard") + " is in use by another process");
        assertThat(node.api().get("/healthz").send().status()).isEqualTo(200);
    }

    /** Whether an unauthenticated client from outside may give these recipients, over SMTP. */
    private static boolean acceptsRecipients(String... recipients) throws Exception {
        SMTPClient client = new SMTPClient();
        client.connect(LOCALHOST, node.port(Setting.SMTP_PORT));
        try {
            client.helo("outside.test");
            assertThat(client.setSender("someone@outside.test")).isTrue();
            for (String recipient : recipients) {
                if (!client.addRecipient(recipient)) {
                    assertThat(client.getReplyCode()).as(client.getReplyString()).isBetween(500, 599);
                    return false;
                }
            }
            return true;
        } finally {
            client.disconnect();
        }
    }

    private static HttpApi.Call mailgun(HttpApi.Call call) {
        return call.basicAuth("api", PRIMARY_KEY);
    }

    private static String key(String kind, String... permissions) {
        String json = "{\"kind\":\"" + kind + "\",\"description\":\"kept\",\"permissions\":["
            + String.join(",", Arrays.stream(permissions).map(permission -> "\"" + permission + "\"").toList()) + "]}";
        ApiResponse created = node.webAdmin().post("/postyard/keys").json(json).send();
        assertThat(created.status()).as(created.toString()).isIn(200, 201);
        return created.json().get("secret").asText();
    }

    private static JsonNode oma(String method, String fields) {
        String body = "{\"credentials\":{\"user\":\"" + OMA_ADMIN + "\",\"password\":\"" + OMA_ADMIN_PASSWORD + "\"},"
            + fields.substring(1);
        ApiResponse answer = node.api().post("/opensrs/api/" + method).json(body).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("success").asBoolean()).as(answer.toString()).isTrue();
        return answer.json();
    }

    private static void awaitFirstMessage(String user, String password, String subject) {
        AWAIT.untilAsserted(() -> {
            try (TestIMAPClient imap = new TestIMAPClient()) {
                imap.connect(LOCALHOST, node.port(Setting.IMAP_PORT)).login(user, password).select(TestIMAPClient.INBOX);
                assertThat(imap.readFirstMessage()).contains("Subject: " + subject);
            }
        });
    }
}
