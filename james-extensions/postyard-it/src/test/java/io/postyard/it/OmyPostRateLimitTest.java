package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.omypost.OmyPostSettings;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/** The document's budgets per API class and per key: 60 management calls a minute, then 429s with the headers. */
class OmyPostRateLimitTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withSmtpSink()
        .setting(OmyPostSettings.RATE_SENDING, "5")
        .build();

    @Test
    void aBurstOf70ManagementCallsGets60AnswersThen429s() {
        String key = postyard.createKey("omypost", "emails:read", "webhooks:read");
        List<ApiResponse> responses = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            responses.add(postyard.api().get("/omypost/v1/emails").bearer(key).send());
        }

        assertThat(responses.subList(0, 60)).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("X-RateLimit-Limit")).isEqualTo("60");
        });
        assertThat(responses.get(0).header("X-RateLimit-Remaining")).isEqualTo("59");
        assertThat(responses.get(59).header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Integer.parseInt(responses.get(0).header("X-RateLimit-Reset"))).isBetween(1, 60);
        assertThat(responses.subList(60, 70)).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(429);
            assertThat(response.json().get("error").get("code").asText()).isEqualTo("rate_limit_exceeded");
            assertThat(Integer.parseInt(response.header("Retry-After"))).isBetween(1, 60);
            assertThat(response.header("X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(response.header("X-RateLimit-Limit")).isEqualTo("60");
        });

        ApiResponse other = postyard.api().get("/omypost/v1/webhooks").bearer(key).send();
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("X-RateLimit-Limit")).isEqualTo("180");
        String freshKey = postyard.createKey("omypost", "emails:read");
        assertThat(postyard.api().get("/omypost/v1/emails").bearer(freshKey).send().status()).isEqualTo(200);
    }

    @Test
    void theSendingBudgetIsConfigurable() {
        String key = postyard.createKey("omypost", "emails:write", "messages:send");
        String id = postyard.api().post("/omypost/v1/emails").bearer(key).json("{\"prefix\":\"sender\"}").send().json().get("id").asText();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ApiResponse response = postyard.api().post("/omypost/v1/emails/" + id + "/messages").bearer(key)
                .json("{\"to\":\"friend@remote.example\",\"subject\":\"n" + i + "\",\"text\":\"t\"}").send();
            statuses.add(response.status());
            assertThat(response.header("X-RateLimit-Limit")).isEqualTo("5");
        }

        assertThat(statuses).containsExactly(202, 202, 202, 202, 202, 429);
    }
}
