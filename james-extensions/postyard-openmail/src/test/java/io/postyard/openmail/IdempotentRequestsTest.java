package io.postyard.openmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;
import io.postyard.http.ApiException;
import io.postyard.openmail.store.IdempotencyRecord;
import io.postyard.openmail.store.MemoryIdempotencyStore;

class IdempotentRequestsTest {
    private static final Instant T0 = Instant.parse("2026-02-24T10:00:00Z");
    private static final IdempotencyRecord.StoredResponse SENT = new IdempotencyRecord.StoredResponse(200, "{\"messageId\":\"msg_1\"}");
    private static final IdempotencyRecord.StoredResponse OTHER = new IdempotencyRecord.StoredResponse(200, "{\"messageId\":\"msg_2\"}");

    private final MemoryIdempotencyStore store = new MemoryIdempotencyStore();
    private final MutableClock clock = new MutableClock(T0);
    private final IdempotentRequests requests = new IdempotentRequests(store, clock);

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private IdempotentRequests.Answer once(String key, String fingerprint, IdempotencyRecord.StoredResponse response) {
        return requests.once(AccountId.DEFAULT, key, fingerprint, () -> response);
    }

    @Test
    void aCompletedRequestIsReplayedForADayThenTheKeyIsFree() {
        assertThat(once("k", "hash", SENT)).isEqualTo(new IdempotentRequests.Answer(SENT, false));

        clock.advance(Duration.ofHours(23));
        assertThat(once("k", "hash", OTHER)).isEqualTo(new IdempotentRequests.Answer(SENT, true));
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(once("k", "another", OTHER)).isEqualTo(new IdempotentRequests.Answer(OTHER, false));
        assertThat(requests.purgeExpired()).isZero();
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        once("k", "hash", SENT);

        assertThatThrownBy(() -> once("k", "another", OTHER))
            .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.error().status()).isEqualTo(422));
    }

    @Test
    void aRetryDuringTheFirstRequestWaitsForItsResponse() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch finishFirst = new CountDownLatch(1);
        CompletableFuture<IdempotentRequests.Answer> first = CompletableFuture.supplyAsync(() -> requests.once(AccountId.DEFAULT, "k", "hash", () -> {
            firstRunning.countDown();
            awaitUninterruptibly(finishFirst);
            return SENT;
        }));
        firstRunning.await();
        CompletableFuture<IdempotentRequests.Answer> retry = CompletableFuture.supplyAsync(() -> once("k", "hash", OTHER));
        Thread.sleep(100);
        assertThat(retry).isNotDone();

        finishFirst.countDown();

        assertThat(first.get()).isEqualTo(new IdempotentRequests.Answer(SENT, false));
        assertThat(retry.get()).isEqualTo(new IdempotentRequests.Answer(SENT, true));
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void workThatFailsFreesTheKeyForTheNextRequest() {
        assertThatThrownBy(() -> requests.once(AccountId.DEFAULT, "k", "hash", () -> {
            throw new IllegalStateException("refused before sending");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(once("k", "changed", OTHER)).isEqualTo(new IdempotentRequests.Answer(OTHER, false));
    }

    @Test
    void keysMustBeVisibleAsciiOfReasonableLength() {
        assertThat(IdempotentRequests.key(" 3f1c-uuid ")).isEqualTo("3f1c-uuid");
        assertThatThrownBy(() -> IdempotentRequests.key(null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> IdempotentRequests.key("has space")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> IdempotentRequests.key("x".repeat(256))).isInstanceOf(ApiException.class);
    }
}
