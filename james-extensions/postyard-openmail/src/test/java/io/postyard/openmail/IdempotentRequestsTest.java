package io.postyard.openmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;
import io.postyard.core.openmail.IdempotencyRecord;
import io.postyard.core.openmail.MemoryIdempotencyStore;
import io.postyard.http.ApiException;

class IdempotentRequestsTest {
    private static final Instant T0 = Instant.parse("2026-02-24T10:00:00Z");
    private static final IdempotencyRecord.StoredResponse SENT = new IdempotencyRecord.StoredResponse(200, "{\"messageId\":\"msg_1\"}");

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

    @Test
    void aCompletedRequestIsReplayedForADayThenTheKeyIsFree() {
        IdempotentRequests.Claimed first = (IdempotentRequests.Claimed) requests.begin(AccountId.DEFAULT, "k", "hash");
        requests.complete(first, SENT);

        clock.advance(Duration.ofHours(23));
        assertThat(requests.begin(AccountId.DEFAULT, "k", "hash")).isEqualTo(new IdempotentRequests.Replay(SENT));
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(requests.begin(AccountId.DEFAULT, "k", "other")).isInstanceOf(IdempotentRequests.Claimed.class);
        assertThat(requests.purgeExpired()).isZero();
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        requests.complete((IdempotentRequests.Claimed) requests.begin(AccountId.DEFAULT, "k", "hash"), SENT);

        assertThatThrownBy(() -> requests.begin(AccountId.DEFAULT, "k", "another"))
            .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.error().status()).isEqualTo(422));
    }

    @Test
    void aRetryDuringTheFirstRequestWaitsForItsResponse() throws Exception {
        IdempotentRequests.Claimed first = (IdempotentRequests.Claimed) requests.begin(AccountId.DEFAULT, "k", "hash");
        CompletableFuture<IdempotentRequests.Outcome> retry = CompletableFuture.supplyAsync(() -> requests.begin(AccountId.DEFAULT, "k", "hash"));
        Thread.sleep(100);
        assertThat(retry).isNotDone();

        requests.complete(first, SENT);

        assertThat(retry.get()).isEqualTo(new IdempotentRequests.Replay(SENT));
    }

    @Test
    void aReleasedKeyIsClaimedByTheNextRequest() {
        requests.release((IdempotentRequests.Claimed) requests.begin(AccountId.DEFAULT, "k", "hash"));

        assertThat(requests.begin(AccountId.DEFAULT, "k", "changed")).isInstanceOf(IdempotentRequests.Claimed.class);
    }

    @Test
    void keysMustBeVisibleAsciiOfReasonableLength() {
        assertThat(IdempotentRequests.key(" 3f1c-uuid ")).isEqualTo("3f1c-uuid");
        assertThatThrownBy(() -> IdempotentRequests.key(null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> IdempotentRequests.key("has space")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> IdempotentRequests.key("x".repeat(256))).isInstanceOf(ApiException.class);
    }
}
