package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.james.utils.TestIMAPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.postyard.opensrs.OmaSettings;
import io.postyard.testing.PostyardExtension;

/**
 * With the shipped logging configuration, nothing a request carries as a secret (API keys, key secrets handed out by
 * WebAdmin, login passwords) reaches the logs, in messages or in MDC fields.
 */
class SecretsStayOutOfLogsTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(OmaSettings.ADMIN_PASSWORD, "oma-admin-password-77")
        .build();

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void captureEverythingLogged() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(captured);
    }

    private String everythingLogged() {
        List<ILoggingEvent> events = List.copyOf(captured.list);
        return events.stream()
            .map(event -> event.getFormattedMessage() + " " + event.getMDCPropertyMap() + " "
                + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage()))
            .collect(Collectors.joining("\n"));
    }

    @Test
    void keysAndPasswordsAreNeverLogged() throws Exception {
        String secret = postyard.webAdmin().post("/postyard/keys").json("{\"kind\":\"primary\",\"description\":\"log test\"}")
            .send().json().get("secret").asText();
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", secret).form(Map.of("name", "logs.test")).send();
        postyard.api().post("/mailgun/v3/domains/logs.test/credentials").basicAuth("api", secret)
            .form(Map.of("login", "ivy", "password", "ivy-password-42")).send();
        postyard.api().get("/mailgun/v3/domains?api_key=" + secret).basicAuth("api", secret).send();
        postyard.api().get("/mailgun/v3/domains").basicAuth("api", "key-a-wrong-guess-9999").send();
        postyard.api().post("/mailgun/v3/domains/logs.test/credentials").basicAuth("api", secret)
            .form(Map.of("login", "bad login", "password", "short")).send();
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(PostyardExtension.LOCALHOST, postyard.imapPort()).login("ivy@logs.test", "ivy-password-42");
        }

        String logs = everythingLogged();
        assertThat(captured.list).as("the access log is on").isNotEmpty();
        assertThat(logs)
            .doesNotContain(secret)
            .doesNotContain(postyard.primaryKey())
            .doesNotContain("key-a-wrong-guess-9999")
            .doesNotContain("ivy-password-42");
    }

    @Test
    void omaPasswordsAndTokensAreNeverLogged() throws Exception {
        OmaClient admin = OmaClient.withPassword(postyard, "admin", "oma-admin-password-77");
        admin.ok("change_domain", Map.of("domain", "oma-logs.test"));
        admin.ok("change_user", Map.of("user", "joy@oma-logs.test", "attributes", Map.of("password", "Happy-Pass-word-5")));
        String token = OmaClient.withPassword(postyard, "joy@oma-logs.test", "Happy-Pass-word-5").ok("authenticate", Map.of())
            .get("session_token").asText();
        String generated = admin.ok("generate_token", Map.of("user", "joy@oma-logs.test", "reason", "log test")).get("token").asText();
        OmaClient.withToken(postyard, "joy@oma-logs.test", token).ok("get_user", Map.of("user", "joy@oma-logs.test"));
        OmaClient.withPassword(postyard, "admin", "oma-wrong-guess-31").call("echo", Map.of());
        admin.call("change_user", Map.of("user", "joy@oma-logs.test", "attributes", Map.of("password", "bad pass word")));
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(PostyardExtension.LOCALHOST, postyard.imapPort()).login("joy@oma-logs.test", "Happy-Pass-word-5");
        }

        assertThat(everythingLogged())
            .doesNotContain("oma-admin-password-77")
            .doesNotContain("Happy-Pass-word-5")
            .doesNotContain(token)
            .doesNotContain(generated)
            .doesNotContain("oma-wrong-guess-31")
            .doesNotContain("bad pass word");
    }

    @Test
    void openmailKeysAndWebhookSecretsAreNeverLogged() {
        String key = postyard.createKey("openmail");
        String secret = postyard.api().put("/openmail/v1/webhook").bearer(key).json("{\"url\":\"https://93.184.216.34/hook\"}").send()
            .json().get("secret").asText();
        String rotated = postyard.api().post("/openmail/v1/webhook/rotate-secret").bearer(key).send().json().get("secret").asText();
        postyard.api().get("/openmail/v1/inboxes").bearer("om_live_a-wrong-guess-8888").send();

        String logs = everythingLogged();
        assertThat(captured.list).as("the access log is on").isNotEmpty();
        assertThat(logs).doesNotContain(key).doesNotContain(secret).doesNotContain(rotated).doesNotContain("om_live_a-wrong-guess-8888");
    }
}
