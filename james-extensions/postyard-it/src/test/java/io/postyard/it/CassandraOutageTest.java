package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.cassandra.CassandraConfiguration;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
import io.postyard.opensrs.OmaSettings;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;
import io.postyard.testing.TcpProxy;

/**
 * Cassandra goes away from under mail the server has accepted, while that mail is being processed: the server reaches
 * the real Cassandra of the test command through a relay the test takes down and brings back, so the outage is that
 * server's alone. Accepted mail must be neither bounced nor lost, and must arrive once Cassandra is back. The driver
 * reconnects on its own schedule (doubling from 1 s) and the mail is tried again on its own (doubling from 5 s), hence the
 * longer timeout.
 */
class CassandraOutageTest {
    private static final CassandraProfileStorage STORAGE = new CassandraProfileStorage("outage");
    private static final InetSocketAddress CASSANDRA = CassandraConfiguration.from(PostyardSettings.defaults()).contactPoints().get(0);
    private static final TcpProxy RELAY = new TcpProxy(CASSANDRA);
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final String OMA_PASSWORD = "outage-admin-password-1";

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .settings(STORAGE.settings())
        .setting(Setting.CASSANDRA_CONTACT_POINTS, LOCALHOST + ":" + RELAY.port())
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .setting(OmaSettings.ADMIN_PASSWORD, OMA_PASSWORD)
        .withScriptedSmtpSink()
        .build();

    @AfterAll
    static void dropStorage() {
        RELAY.close();
        STORAGE.drop();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void mailProcessedWhileCassandraIsAwayIsDeliveredOnceWhenItIsBackAndNeverBouncedAndNewMailIsToldToRetry() throws Exception {
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", "outage.test")).send();
        assertThat(postyard.api().post("/mailgun/v3/domains/outage.test/credentials").basicAuth("api", postyard.primaryKey())
            .form(Map.of("login", "dora", "password", "dora-secret-1")).send().status()).isEqualTo(200);
        String dueDuringTheOutage = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(6));
        assertThat(postyard.api().post("/mailgun/v3/outage.test/messages").basicAuth("api", postyard.primaryKey())
            .form(Map.of("from", "app@outage.test", "to", "far@remote.test, dora@outage.test", "subject", "through the outage",
                "text", "hello", "o:tracking", "yes", "o:deliverytime", dueDuringTheOutage))
            .send().status()).isEqualTo(200);

        RELAY.down();
        long outageStart = System.nanoTime();
        ApiResponse refused = postyard.api().post("/mailgun/v3/outage.test/messages").basicAuth("api", postyard.primaryKey())
            .form(Map.of("from", "app@outage.test", "to", "far@remote.test", "subject", "sent during the outage", "text", "hello"))
            .send();
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(refused.json().get("message").asText()).contains("try again");
        ApiResponse omaRefused = postyard.api().post("/opensrs/api/get_domain")
            .json("{\"credentials\":{\"user\":\"admin\",\"password\":\"" + OMA_PASSWORD + "\"},\"domain\":\"outage.test\"}").send();
        assertThat(omaRefused.status()).isEqualTo(503);
        assertThat(omaRefused.header("Retry-After")).isEqualTo("5");
        assertThat(omaRefused.json().get("success").asBoolean()).isFalse();
        assertThat(omaRefused.json().get("error_number").asInt()).isZero();
        assertThat(rcptReply("dora@outage.test")).startsWith("4");
        ApiResponse unready = postyard.api().get("/readyz").send();
        assertThat(unready.status()).isEqualTo(503);
        assertThat(unready.json().get("status").asText()).isEqualTo("unready");
        Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - outageStart).toMillis()));
        assertThat(postyard.scriptedSink().received()).isEmpty();
        RELAY.up();
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
            .until(() -> postyard.api().get("/readyz").send().status() == 200);

        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
            .until(() -> !postyard.scriptedSink().received().isEmpty());
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort()).login("dora@outage.test", "dora-secret-1").select(TestIMAPClient.INBOX)
                .awaitMessage(Awaitility.await().atMost(Duration.ofMinutes(1)));
            Thread.sleep(2000);
            assertThat(imap.getMessageCount(TestIMAPClient.INBOX)).isEqualTo(1);
        }
        assertThat(postyard.scriptedSink().received()).singleElement()
            .satisfies(received -> {
                assertThat(received.recipients()).containsExactly("far@remote.test");
                assertThat(received.data()).contains("Subject: through the outage");
            });
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(events("delivered")).hasSize(2));
        assertThat(events("failed")).isEmpty();
        assertThat(errorRepositorySize()).isZero();
    }

    /** The reply to RCPT TO over inbound SMTP: a temporary failure tells the sending server to try again later. */
    private static String rcptReply(String recipient) throws Exception {
        try (Socket socket = new Socket(LOCALHOST, postyard.smtpPort())) {
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            reply(in);
            out.write("EHLO outside.test\r\n");
            out.flush();
            reply(in);
            out.write("MAIL FROM:<someone@outside.test>\r\n");
            out.flush();
            reply(in);
            out.write("RCPT TO:<" + recipient + ">\r\n");
            out.flush();
            return reply(in);
        }
    }

    private static String reply(BufferedReader in) throws Exception {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        return String.valueOf(line);
    }

    private static int errorRepositorySize() {
        return postyard.webAdmin().get("/mailRepositories/var%2Fmail%2Ferror").send().json().get("size").asInt();
    }

    private static List<JsonNode> events(String type) {
        List<JsonNode> items = new ArrayList<>();
        postyard.api().get("/mailgun/v3/outage.test/events?event=" + type).basicAuth("api", postyard.primaryKey()).send()
            .json().get("items").forEach(items::add);
        return items;
    }
}
