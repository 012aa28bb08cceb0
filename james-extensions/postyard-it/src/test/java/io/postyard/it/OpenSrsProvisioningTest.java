package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.SMTPSendingException;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.opensrs.OmaSettings;
import io.postyard.testing.PostyardExtension;

/** A hosting panel provisions a domain and mailboxes over OMA; mail and logins then go through SMTP and IMAP. */
class OpenSrsProvisioningTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200));
    private static final String ADMIN_PASSWORD = "company-admin-secret-1";

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withScriptedSmtpSink()
        // OMA behaviour, not domain ownership (TenantIsolationTest): every domain is local at once.
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .setting(OmaSettings.ADMIN_USER, "panel@reseller.example")
        .setting(OmaSettings.ADMIN_PASSWORD, ADMIN_PASSWORD)
        .build();

    private static OmaClient admin;

    @BeforeAll
    static void createDomain() {
        admin = OmaClient.withPassword(postyard, "panel@reseller.example", ADMIN_PASSWORD);
        admin.ok("change_domain", Map.of("domain", "acme.test", "create_only", true, "attributes", Map.of("quota", 50_000_000)));
    }

    private static void deliver(String to, String subject) throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            smtp.sendMessageWithHeaders("someone@outside.test", to, "From: someone@outside.test\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\n\r\nbody of " + subject + "\r\n");
        }
    }

    private static void awaitMail(String user, String password) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort()).login(user, password).select(TestIMAPClient.INBOX).awaitMessage(AWAIT);
        }
    }

    private static void assertFirstMessage(String user, String password, String subject) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort()).login(user, password).select(TestIMAPClient.INBOX).awaitMessage(AWAIT);
            assertThat(imap.readFirstMessage()).contains("Subject: " + subject);
        }
    }

    private static void assertImapRefuses(String user, String password) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort());
            assertThatThrownBy(() -> imap.login(user, password)).isInstanceOf(Exception.class);
        }
    }

    @Test
    void aProvisionedMailboxReceivesMailForItsAliasAndLogsInWithItsPassword() throws Exception {
        admin.ok("change_user", Map.of("user", "alice@acme.test", "create_only", true, "attributes", Map.of(
            "password", "Wonder-Land-42", "name", "Alice", "aliases", List.of("sales@acme.test"), "quota", 10_000_000)));

        deliver("sales@acme.test", "order 17");

        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort()).login("alice@acme.test", "Wonder-Land-42").select(TestIMAPClient.INBOX).awaitMessage(AWAIT);
            assertThat(imap.readFirstMessage()).contains("Subject: order 17");
            assertThat(imap.getQuotaRoot(TestIMAPClient.INBOX)).contains("STORAGE").contains(String.valueOf(10_000_000 / 1024));
        }
        JsonNode user = admin.ok("get_user", Map.of("user", "alice@acme.test"));
        assertThat(user.get("attributes").get("aliases")).extracting(JsonNode::asText).containsExactly("sales@acme.test");
        assertThat(user.get("metadata").get("quota").get("bytes_max").asLong()).isEqualTo(10_000_000);
        assertThat(user.get("metadata").get("quota").get("bytes_used").asLong()).isPositive();
        assertThat(user.get("metadata").get("folders")).extracting(JsonNode::asText).contains("INBOX");
    }

    @Test
    void aSuspendedUserCannotLogInButStillReceivesMail() throws Exception {
        admin.ok("change_user", Map.of("user", "bob@acme.test", "attributes", Map.of("password", "Builder-99x")));
        admin.ok("change_user", Map.of("user", "bob@acme.test", "attributes", Map.of("status", "suspended")));

        assertImapRefuses("bob@acme.test", "Builder-99x");
        try (SMTPMessageSender submission = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.submissionPort(), "client.test")) {
            assertThatThrownBy(() -> submission.authenticate("bob@acme.test", "Builder-99x")).isInstanceOf(Exception.class);
        }
        deliver("bob@acme.test", "while suspended");

        admin.ok("change_user", Map.of("user", "bob@acme.test", "attributes", Map.of("status", "active")));
        assertFirstMessage("bob@acme.test", "Builder-99x", "while suspended");
    }

    @Test
    void aDeletedUserIsOutOfServiceUntilRestoredWithItsMail() throws Exception {
        admin.ok("change_user", Map.of("user", "carol@acme.test", "attributes", Map.of("password", "Singer-2024")));
        deliver("carol@acme.test", "kept across deletion");
        awaitMail("carol@acme.test", "Singer-2024");

        admin.ok("delete_user", Map.of("user", "carol@acme.test"));

        assertImapRefuses("carol@acme.test", "Singer-2024");
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            assertThatThrownBy(() -> smtp.sendMessage("someone@outside.test", "carol@acme.test"))
                .isInstanceOf(SMTPSendingException.class).hasMessageContaining("550");
        }
        assertThat(admin.ok("get_user", Map.of("user", "carol@acme.test")).get("metadata").get("status").asText()).isEqualTo("deleted");
        assertThat(admin.ok("search_users", Map.of("criteria", Map.of("domain", "acme.test", "deleted", true))).get("users"))
            .extracting(found -> found.get("user").asText()).contains("carol@acme.test");

        admin.ok("restore_user", Map.of("user", "carol@acme.test"));

        assertFirstMessage("carol@acme.test", "Singer-2024", "kept across deletion");
    }

    @Test
    void aRenamedUserKeepsItsMailAndItsPassword() throws Exception {
        admin.ok("change_user", Map.of("user", "dave@acme.test", "attributes", Map.of("password", "Old-Timer-77")));
        deliver("dave@acme.test", "before the rename");
        awaitMail("dave@acme.test", "Old-Timer-77");

        admin.ok("rename_user", Map.of("user", "dave@acme.test", "new_name", "david@acme.test"));

        assertImapRefuses("dave@acme.test", "Old-Timer-77");
        assertFirstMessage("david@acme.test", "Old-Timer-77", "before the rename");
        try (TestIMAPClient again = new TestIMAPClient()) {
            again.connect(LOCALHOST, postyard.imapPort()).login("david@acme.test", "Old-Timer-77");
        }
        assertThat(admin.error("get_user", Map.of("user", "dave@acme.test"))).isEqualTo(2);
    }

    @Test
    void forwardingSendsACopyOutAndKeepsOneWhenAsked() throws Exception {
        admin.ok("change_user", Map.of("user", "erin@acme.test", "attributes", Map.of("password", "Forward-Me-1",
            "delivery_forward", true, "forward_recipients", List.of("erin.backup@elsewhere.example"), "delivery_mailbox", true)));

        deliver("erin@acme.test", "copy me");

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(postyard.scriptedSink().received())
            .anySatisfy(received -> {
                assertThat(received.recipients()).containsExactly("erin.backup@elsewhere.example");
                assertThat(received.data()).contains("Subject: copy me");
            }));
        awaitMail("erin@acme.test", "Forward-Me-1");
    }

    @Test
    void theAutoresponderRepliesThroughJamesVacation() throws Exception {
        admin.ok("change_user", Map.of("user", "gail@acme.test", "attributes", Map.of("password", "Holiday-Time-3",
            "delivery_autoresponder", true, "autoresponder_subject", "Away", "autoresponder", "Back on Monday.")));

        deliver("gail@acme.test", "are you there");

        // An automatic reply has the null sender (RFC 3834), so nothing can bounce back to it.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(postyard.scriptedSink().received())
            .anySatisfy(received -> {
                assertThat(received.from()).isEmpty();
                assertThat(received.recipients()).containsExactly("someone@outside.test");
                assertThat(received.data()).contains("Subject: Away").contains("Back on Monday.");
            }));
    }

    @Test
    void foldersAndMessagesAreTheRealImapOnes() throws Exception {
        admin.ok("change_user", Map.of("user", "fran@acme.test", "attributes", Map.of("password", "Folder-Fan-5")));
        deliver("fran@acme.test", "to be filed");
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort()).login("fran@acme.test", "Folder-Fan-5").create("Archive")
                .select(TestIMAPClient.INBOX).awaitMessage(AWAIT);
        }
        JsonNode folders = admin.ok("get_user_folders", Map.of("user", "fran@acme.test")).get("folders");
        assertThat(folders).extracting(folder -> folder.get("folder").asText()).contains("INBOX", "Archive");

        JsonNode messages = admin.ok("get_user_messages", Map.of("user", "fran@acme.test", "folder", "INBOX")).get("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("headers").get("subject").asText()).isEqualTo("to be filed");
        long id = messages.get(0).get("id").asLong();

        JsonNode moved = admin.ok("move_user_messages", Map.of("user", "fran@acme.test", "ids", List.of(id), "new_folder", "Archive"));
        assertThat(moved.get("results").get(0).get("success").asBoolean()).isTrue();

        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort()).login("fran@acme.test", "Folder-Fan-5");
            assertThat(imap.getMessageCount("Archive")).isEqualTo(1);
            assertThat(imap.getMessageCount(TestIMAPClient.INBOX)).isZero();
        }
        JsonNode partly = admin.call("move_user_messages", Map.of("user", "fran@acme.test", "folder", "Archive",
            "ids", List.of(id, 999), "new_folder", "INBOX"));
        assertThat(partly.get("success").asBoolean()).isFalse();
        assertThat(partly.get("results")).extracting(result -> result.get("success").asBoolean()).containsExactly(true, false);
        assertThat(partly.get("results").get(1).get("error_number").asInt()).isEqualTo(2);
    }
}
