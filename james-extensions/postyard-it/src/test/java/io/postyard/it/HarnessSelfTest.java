package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.postyard.testing.WebhookReceiver;

/** The webhook receiver that later tests rely on records what it receives and answers as told. */
class HarnessSelfTest {
    @Test
    void theWebhookReceiverRecordsRequestsAndAnswersWithQueuedStatuses() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.respondAt("/hooks/mailgun", 503);
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url("/hooks/mailgun")))
                .header("X-Signature", "abc")
                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"delivered\"}"))
                .build();

            int first = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            int second = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();

            assertThat(List.of(first, second)).containsExactly(503, 200);
            List<WebhookReceiver.ReceivedRequest> received = receiver.awaitRequests(2, Duration.ofSeconds(5));
            assertThat(received.get(0).path()).isEqualTo("/hooks/mailgun");
            assertThat(received.get(0).header("x-signature")).isEqualTo("abc");
            assertThat(received.get(0).bodyAsString()).isEqualTo("{\"event\":\"delivered\"}");
        }
    }
}
