package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.commons.net.smtp.SMTPClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/**
 * A node whose data directory's disk has less free space than {@code disk.min.free.mb} (here: more than any disk has)
 * takes no new mail, with answers that tell senders to come back: SMTP 452 4.3.1 at MAIL FROM, the send API 503 with
 * Retry-After. Everything else goes on.
 */
class LowDiskSpaceTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .setting(Setting.DISK_MIN_FREE_MB, String.valueOf(Integer.MAX_VALUE))
        .build();

    @BeforeAll
    static void createDomain() {
        assertThat(postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey())
            .form(Map.of("name", "low.test")).send().status()).isEqualTo(200);
    }

    @Test
    void smtpAsksSendersToComeBackLater() throws Exception {
        SMTPClient client = new SMTPClient();
        client.connect(LOCALHOST, postyard.smtpPort());
        try {
            client.helo("outside.test");

            assertThat(client.setSender("someone@outside.test")).isFalse();
            assertThat(client.getReplyString()).startsWith("452 4.3.1 Insufficient system storage");
        } finally {
            client.disconnect();
        }
    }

    @Test
    void theSendApiAnswers503WithRetryAfter() {
        ApiResponse answer = postyard.api().post("/mailgun/v3/low.test/messages").basicAuth("api", postyard.primaryKey())
            .form(Map.of("from", "app@low.test", "to", "far@remote.test", "subject", "while the disk is full", "text", "hello"))
            .send();

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("5");
        assertThat(answer.json().get("message").asText()).contains("try again");
    }

    @Test
    void readingStillWorks() {
        assertThat(postyard.api().get("/mailgun/v3/domains/low.test").basicAuth("api", postyard.primaryKey()).send().status())
            .isEqualTo(200);
    }
}
