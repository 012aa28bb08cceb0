package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/** Each key has its own budget; going over it is a 429 with the rate-limit headers, and other keys are unaffected. */
class MailgunRateLimitTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(Setting.HTTP_RATE_LIMIT_PER_MINUTE, "3")
        .build();

    @Test
    void theFourthRequestInAMinuteIsRefusedWith429() {
        ApiResponse first = postyard.api().get("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).send();
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("3");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("2");

        postyard.api().get("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).send();
        postyard.api().get("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).send();
        ApiResponse refused = postyard.api().get("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).send();

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("message").asText()).isEqualTo("Too many requests");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();

        String otherKey = postyard.webAdmin().post("/postyard/keys").json("{\"kind\":\"primary\"}").send().json().get("secret").asText();
        assertThat(postyard.api().get("/mailgun/v3/domains").basicAuth("api", otherKey).send().status()).isEqualTo(200);
    }
}
