package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/**
 * {@code Idempotency-Key} on sends, counted at the SMTP sink: a retry, or many concurrent requests, with one key send
 * one email and all get the first response; the same key with another body is refused and sends nothing.
 */
class OpenmailIdempotencyTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder().withScriptedSmtpSink().build();

    private static OpenmailClient agent;
    private static String inboxId;

    @BeforeAll
    static void createInbox() {
        agent = OpenmailClient.withNewKey(postyard, "default");
        inboxId = agent.createInbox("{\"username\":\"retrier\"}").get("id").asText();
    }

    private static String body(String subject) {
        return "{\"to\":\"desk@travel.test\",\"subject\":\"" + subject + "\",\"body\":\"Please confirm.\"}";
    }

    /**
     * Waits for one copy of the subject at the sink, then for a later send: a second copy, had one been sent, would
     * have been queued before it.
     */
    private static void awaitOneArrivalThenQuiet(String subject) {
        Awaitility.await().atMost(WAIT).until(() -> !OpenmailClient.arrived(postyard.scriptedSink(), subject).isEmpty());
        agent.sent(inboxId, body(subject + " marker"));
        Awaitility.await().atMost(WAIT).until(() -> OpenmailClient.arrived(postyard.scriptedSink(), subject + " marker").size() == 1);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstResponseAndSendsNothing() {
        String key = UUID.randomUUID().toString();
        ApiResponse first = agent.send(inboxId, key, body("Retried once"));

        ApiResponse retry = agent.send(inboxId, key, body("Retried once"));
        // Another serialisation of the same request is the same request.
        ApiResponse reordered = agent.send(inboxId, key, "{ \"body\": \"Please confirm.\", \"subject\": \"Retried once\", \"to\": \"desk@travel.test\" }");
        awaitOneArrivalThenQuiet("Retried once");

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(reordered.json()).isEqualTo(first.json());
        assertThat(OpenmailClient.arrived(postyard.scriptedSink(), "Retried once")).hasSize(1);
        assertThat(agent.call("GET", "/inboxes/" + inboxId + "/messages?direction=outbound&limit=100").send().json().get("data"))
            .filteredOn(message -> message.get("subject").asText().equals("Retried once")).hasSize(1);
    }

    @Test
    void concurrentRequestsWithOneKeySendOneEmailAndAllGetItsResponse() throws Exception {
        String key = UUID.randomUUID().toString();
        int requests = 8;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResponse>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                Callable<ApiResponse> request = () -> {
                    start.await();
                    return agent.send(inboxId, key, body("Sent concurrently"));
                };
                answers.add(pool.submit(request));
            }
            start.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> answer : answers) {
                responses.add(answer.get());
            }
            awaitOneArrivalThenQuiet("Sent concurrently");

            assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(200));
            assertThat(responses.stream().map(response -> response.json().get("messageId").asText()).distinct()).hasSize(1);
            assertThat(OpenmailClient.arrived(postyard.scriptedSink(), "Sent concurrently")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndSendsNothing() {
        String key = UUID.randomUUID().toString();
        assertThat(agent.send(inboxId, key, body("Original request")).status()).isEqualTo(200);

        ApiResponse changed = agent.send(inboxId, key, body("Changed request"));
        ApiResponse otherInbox = agent.send(agent.createInbox("{\"username\":\"other-sender\"}").get("id").asText(), key, body("Original request"));
        awaitOneArrivalThenQuiet("Original request");

        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.json().get("error").asText()).isEqualTo("idempotency_key_reused");
        assertThat(changed.json().get("message").asText()).contains("Idempotency-Key");
        assertThat(otherInbox.status()).isEqualTo(422);
        assertThat(OpenmailClient.arrived(postyard.scriptedSink(), "Changed request")).isEmpty();
        assertThat(OpenmailClient.arrived(postyard.scriptedSink(), "Original request")).hasSize(1);
    }

    @Test
    void aSendWithoutKeyIsRefused() {
        ApiResponse refused = agent.call("POST", "/inboxes/" + inboxId + "/send").json(body("No key")).send();
        ApiResponse blank = agent.call("POST", "/inboxes/" + inboxId + "/send").header("Idempotency-Key", " ").json(body("No key")).send();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("missing_idempotency_key");
        assertThat(refused.json().fieldNames()).toIterable().containsExactly("error", "message");
        assertThat(blank.json().get("error").asText()).isEqualTo("missing_idempotency_key");
    }

    @Test
    void aRequestRefusedBeforeSendingLeavesItsKeyFreeForTheCorrectedRetry() {
        String key = UUID.randomUUID().toString();
        ApiResponse unknownThread = agent.send(inboxId, key,
            "{\"to\":\"desk@travel.test\",\"subject\":\"Fixed later\",\"body\":\"b\",\"threadId\":\"thr_000000000000000000000000\"}");
        ApiResponse corrected = agent.send(inboxId, key, body("Fixed later"));

        assertThat(unknownThread.status()).isEqualTo(404);
        assertThat(unknownThread.json().get("error").asText()).isEqualTo("not_found");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        Awaitility.await().atMost(WAIT).until(() -> OpenmailClient.arrived(postyard.scriptedSink(), "Fixed later").size() == 1);
    }
}
