package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.SMTPSendingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/**
 * Between its expiry and the job's next run, an expired address already refuses mail at RCPT, and its account can no
 * longer be changed: a change must not race its removal.
 */
class OmyPostExpiredAddressTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(Setting.MAILBOX_EXPIRY_INTERVAL, "1h")
        .build();

    @Test
    void anExpiredAddressRefusesMailBeforeTheJobRemovesIt() throws Exception {
        String key = postyard.createKey("omypost", "emails:write", "emails:read");
        String id = postyard.api().post("/omypost/v1/emails").bearer(key)
            .json("{\"prefix\":\"lapsed\",\"type\":\"temporary\",\"expiry_date\":\"" + Instant.now().plus(1, ChronoUnit.SECONDS) + "\"}")
            .send().json().get("id").asText();

        Thread.sleep(1500);

        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            assertThatThrownBy(() -> smtp.sendMessage("alice@outside.test", "lapsed@omypost.localhost"))
                .isInstanceOf(SMTPSendingException.class)
                .hasMessageContaining("550")
                .hasMessageContaining("expired");
        }
        assertThat(postyard.api().get("/omypost/v1/emails/" + id).bearer(key).send().status()).isEqualTo(200);
        ApiResponse revived = postyard.api().call("PATCH", "/omypost/v1/emails/" + id).bearer(key)
            .json("{\"expiry_date\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}").send();
        assertThat(revived.status()).as(revived.toString()).isEqualTo(400);
        assertThat(revived.json().get("error").get("code").asText()).isEqualTo("invalid_parameter");
        assertThat(revived.json().get("error").get("details").get("field").asText()).isEqualTo("expiry_date");
    }
}
