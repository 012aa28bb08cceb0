package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.apache.james.utils.SMTPMessageSender;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;
import io.postyard.testing.WebhookReceiver;

/** WebAdmin's {@code /metrics} in Prometheus's format, and its counters moving as mail is sent and its webhook posted. */
class MetricsEndpointTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withSmtpSink()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .setting(Setting.WEBHOOK_ALLOW_PRIVATE, "true")
        .build();

    private static String scrape() {
        ApiResponse response = postyard.webAdmin().get("/metrics").send();
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    @Test
    void theJvmQueuesEventsWebhooksAndApiAnswersAreExposedAndMoveWithMail() throws Exception {
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", "metrics.test")).send();
        WebhookReceiver receiver = new WebhookReceiver();
        postyard.api().post("/mailgun/v3/domains/metrics.test/webhooks").basicAuth("api", postyard.primaryKey())
            .form(Map.of("id", "delivered", "url", receiver.url("/delivered"))).send();
        ApiResponse sent = postyard.api().post("/mailgun/v3/metrics.test/messages").basicAuth("api", postyard.primaryKey())
            .form(Map.of("from", "app@metrics.test", "to", "reader@far.example", "subject", "count me", "text", "hi")).send();
        assertThat(sent.status()).isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
            scrape().contains("postyard_webhook_attempts_seconds_count{outcome=\"delivered\",scheme=\"mailgun\"}"));
        String metrics = scrape();
        receiver.close();

        assertThat(metrics).contains("jvm_memory_used_bytes{")
            .contains("postyard_queue_size{queue=\"spool\"}")
            .contains("postyard_events_total{domain=\"metrics.test\",event=\"accepted\",reason=\"\",severity=\"\"} 1.0")
            .contains("postyard_api_requests_seconds_count{method=\"POST\",provider=\"mailgun\",status=\"200\"}")
            .contains("postyard_api_requests_seconds_bucket{")
            .contains("postyard_events_total{domain=\"metrics.test\",event=\"delivered\"");
        assertThat(postyard.webAdmin().get("/metrics").send().header("Content-Type")).startsWith("text/plain");
    }

    @Test
    void smtpAnswersQueueAgeWebhookBacklogAndJamesOwnMetricsAreExposed() throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(PostyardExtension.LOCALHOST, postyard.smtpPort(), "far.example")) {
            smtp.sendMessageWithHeaders("someone@far.example", "postmaster@metrics-smtp.test", "Subject: hi\r\n\r\nhello\r\n");
        } catch (Exception refused) {
            // A refused recipient is an answer counted too.
        }
        String port = Integer.toString(postyard.smtpPort());

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> scrape().contains("postyard_smtp_replies_total{class=\"2xx\",command=\"helo\",port=\"" + port + "\"}")
            || scrape().contains("postyard_smtp_replies_total{class=\"2xx\",command=\"ehlo\",port=\"" + port + "\"}"));
        String metrics = scrape();

        assertThat(metrics).contains("postyard_smtp_connections_total{port=\"" + port + "\"}")
            .containsPattern("postyard_smtp_replies_total\\{class=\"[245]xx\",command=\"rcpt\",port=\"" + port + "\"\\}")
            .contains("postyard_queue_oldest_age_seconds{queue=\"spool\"}")
            .contains("postyard_webhook_backlog{status=\"dead\"}")
            .contains("postyard_webhook_backlog{status=\"pending\"}")
            .containsPattern("\\njames_[a-z0-9_]+");
    }
}
