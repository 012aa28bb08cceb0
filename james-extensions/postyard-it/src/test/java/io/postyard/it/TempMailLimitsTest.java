package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.SMTPSendingException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.tempmail.TempMailSettings;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/** A short TTL and a small rate window, to watch an address expire and a key run out. */
class TempMailLimitsTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(TempMailSettings.TTL, "2")
        .setting(Setting.MAILBOX_EXPIRY_INTERVAL, "500ms")
        .setting(TempMailSettings.RATE_LIMIT, "5")
        .setting(TempMailSettings.RATE_WINDOW, "1m")
        .build();

    @Test
    void anAddressPastItsTtlIsRemovedAndSmtpRejectsItAgain() throws Exception {
        String key = postyard.createKey("tempmail");
        ApiResponse created = postyard.api().post("/tempmail/v1/emails").header("X-API-Key", key).send();
        String email = created.json().get("email").asText();
        assertThat(created.json().get("ttl").asInt()).isEqualTo(2);
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            smtp.sendMessageWithHeaders("a@outside.test", email, "From: a@outside.test\r\nTo: " + email + "\r\nSubject: s\r\n\r\nbody\r\n");
        }

        // Polled over SMTP, not the API: this class's keys have five requests a minute.
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> refused(email));

        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            assertThatThrownBy(() -> smtp.sendMessage("a@outside.test", email)).isInstanceOf(SMTPSendingException.class).hasMessageContaining("550");
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
            postyard.api().get("/tempmail/v1/emails/" + email + "/messages").header("X-API-Key", postyard.createKey("tempmail")).send().status() == 404);
    }

    private static boolean refused(String email) throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            smtp.sendMessageWithHeaders("a@outside.test", email, "Subject: probe\r\n\r\nprobe\r\n");
            return false;
        } catch (SMTPSendingException e) {
            return e.getMessage().contains("550");
        }
    }

    @Test
    void theHeadersCountDownAndA429Follows() {
        String key = postyard.createKey("tempmail");
        List<ApiResponse> responses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            responses.add(postyard.api().get("/tempmail/v1/domains").header("X-API-Key", key).send());
        }

        for (int i = 0; i < 5; i++) {
            ApiResponse response = responses.get(i);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("X-Ratelimit-Limit")).isEqualTo("5");
            assertThat(response.header("X-Ratelimit-Remaining")).isEqualTo(String.valueOf(4 - i));
            assertThat(response.header("X-Ratelimit-Used")).isEqualTo(String.valueOf(i + 1));
            long reset = Long.parseLong(response.header("X-Ratelimit-Reset"));
            assertThat(reset).isBetween(Instant.now().getEpochSecond(), Instant.now().getEpochSecond() + 61);
        }
        ApiResponse limited = responses.get(5);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("error").get("type").asText()).isEqualTo("request_error");
        assertThat(limited.json().get("error").get("code").asText()).isEqualTo("rate_limited");
        assertThat(limited.json().get("error").get("detail").asText()).isEqualTo("You have reached your rate limit. Please try again later.");
        assertThat(limited.json().get("meta").get("request_id").asText()).isEqualTo(limited.header("X-Request-Id"));
        assertThat(limited.header("X-Ratelimit-Remaining")).isEqualTo("0");
        assertThat(limited.header("X-Ratelimit-Used")).isEqualTo("5");
    }

    @Test
    void rateLimitReportsTheWindow() {
        String key = postyard.createKey("tempmail");
        postyard.api().get("/tempmail/v1/domains").header("X-API-Key", key).send();

        JsonNode usage = postyard.api().get("/tempmail/v1/rate_limit").header("X-API-Key", key).send().json();

        assertThat(usage.get("limit").asInt()).isEqualTo(5);
        assertThat(usage.get("used").asInt()).isEqualTo(2);
        assertThat(usage.get("remaining").asInt()).isEqualTo(3);
        assertThat(usage.get("reset").asLong()).isGreaterThanOrEqualTo(Instant.now().getEpochSecond());
    }
}
