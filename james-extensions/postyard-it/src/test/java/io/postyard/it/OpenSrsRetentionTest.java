package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.SMTPSendingException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.settings.Setting;
import io.postyard.opensrs.OmaSettings;
import io.postyard.testing.PostyardExtension;

/** A short retention: what was deleted is restorable within it, and gone for good after it. */
class OpenSrsRetentionTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        // OMA behaviour, not domain ownership (TenantIsolationTest): every domain is local at once.
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .setting(OmaSettings.ADMIN_PASSWORD, "retention-admin-secret")
        .setting(OmaSettings.DELETED_RETENTION, "2s")
        .setting(OmaSettings.PURGE_INTERVAL, "500ms")
        .build();

    private static OmaClient admin;

    @BeforeAll
    static void provision() {
        admin = OmaClient.withPassword(postyard, "admin", "retention-admin-secret");
        admin.ok("change_domain", Map.of("domain", "brief.test"));
    }

    @Test
    void aDeletedUserPastItsRetentionIsPurgedWithItsJamesUser() throws Exception {
        admin.ok("change_user", Map.of("user", "tim@brief.test", "attributes", Map.of("password", "Pass-word-1")));
        admin.ok("delete_user", Map.of("user", "tim@brief.test"));

        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
            .until(() -> admin.call("get_user", Map.of("user", "tim@brief.test")).path("error_number").asInt(-1) == 2);

        assertThat(admin.error("restore_user", Map.of("user", "tim@brief.test"))).isEqualTo(2);
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            assertThatThrownBy(() -> smtp.sendMessage("someone@outside.test", "tim@brief.test"))
                .isInstanceOf(SMTPSendingException.class).hasMessageContaining("550");
        }
        admin.ok("change_user", Map.of("user", "tim@brief.test", "create_only", true, "attributes", Map.of("password", "Pass-word-2")));
    }

    @Test
    void aDeletedDomainPastItsRetentionIsPurged() {
        admin.ok("change_domain", Map.of("domain", "fleeting.test"));
        admin.ok("delete_domain", Map.of("domain", "fleeting.test"));

        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
            .until(() -> admin.ok("search_domains", Map.of("criteria", Map.of("deleted", true))).get("total_count").asInt() == 0);

        assertThat(admin.error("restore_domain", Map.of("domain", "fleeting.test"))).isEqualTo(2);
        assertThat(postyard.api().get("/mailgun/v3/domains/fleeting.test").basicAuth("api", postyard.primaryKey()).send().status())
            .isEqualTo(404);
        admin.ok("change_domain", Map.of("domain", "fleeting.test", "create_only", true));
    }
}
